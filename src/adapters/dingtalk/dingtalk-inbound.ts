import type { ChatAdapter } from '../../chat/chat-adapter.js';
import type { ChatEvent } from '../../chat/events.js';
import type { Registry } from '../../chat/registry.js';

/** pino-compatible; only what the adapter writes. */
export type DingtalkLog = {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
};

export type DingtalkInboundDeps = {
  readonly registry: Pick<Registry, 'dispatch'>;
  readonly adapter: ChatAdapter;
  /** The org's workspace id on DingTalk (its corpId, or the app's client id): what the registry looks orgs up by. */
  readonly workspaceId: string;
  readonly log: DingtalkLog;
};

/**
 * Runs one event through the registry and sends its replies to the user's 1:1 chat with the robot, where they
 * play the part of Slack's ephemeral answers (a group sees only the cards the outbox posts). Never throws: it
 * runs after DingTalk got its answer, so a failure can only be logged.
 */
export async function dispatchAndReply(deps: DingtalkInboundDeps, event: ChatEvent): Promise<void> {
  try {
    const result = await deps.registry.dispatch(event);
    if (result.duplicate) return;
    for (const [index, reply] of result.replies.entries()) {
      await deps.adapter.send(
        deps.workspaceId,
        { kind: 'dm', userId: event.user.userId },
        reply,
        `${event.eventId}:reply:${index}`,
      );
    }
  } catch (error) {
    deps.log.error(
      { err: error, platform: 'dingtalk', eventId: event.eventId },
      'dingtalk event handling failed',
    );
  }
}
