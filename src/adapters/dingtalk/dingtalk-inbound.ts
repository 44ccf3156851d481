import type { BackgroundWork } from '../../chat/background-work.js';
import type { ChatAdapter } from '../../chat/chat-adapter.js';
import { dispatchInBackground, type InboundDeps, replyInDm } from '../../chat/dispatch-and-reply.js';
import type { ChatEvent } from '../../chat/events.js';

/** pino-compatible; only what the adapter writes. */
export type DingtalkLog = {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
};

export type DingtalkInboundDeps = InboundDeps & {
  readonly adapter: ChatAdapter;
  /** The org's workspace id on DingTalk (its corpId, or the app's client id): what the registry looks orgs up by. */
  readonly workspaceId: string;
  readonly log: DingtalkLog;
  /** Where the work after DingTalk's answer runs, so shutdown (and a test) can wait for it. */
  readonly background: BackgroundWork;
};

/** Both modes, after acknowledging: the shared path, with replies in the user's DM with the robot. */
export function handleDingtalkEvent(deps: DingtalkInboundDeps, event: ChatEvent): void {
  dispatchInBackground(deps, event, replyInDm(deps.adapter, deps.workspaceId, event));
}
