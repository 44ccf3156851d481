import type { App, BlockAction } from '@slack/bolt';
import type { BackgroundWork } from '../../chat/background-work.js';
import { dispatchInBackground, type InboundDeps } from '../../chat/dispatch-and-reply.js';
import { COMMAND_NAMES } from '../../chat/texts/catalogue.js';
import {
  actionEventFrom,
  commandEventFrom,
  dmEventFrom,
  homeCommandEventFrom,
  isUserDm,
} from './parse-slack-events.js';
import type { SlackAdapter } from './slack-adapter.js';
import { openFormAfter, registerSlackFormListeners } from './slack-form-listeners.js';
import { homeBlocks, homeTodayEventFrom } from './slack-home.js';
import type { SlackLog } from './slack-log.js';
import { replyInChannel, replyPrivately } from './slack-replies.js';

export type SlackListenerDeps = InboundDeps & {
  readonly adapter: SlackAdapter;
  readonly log: SlackLog;
  /** Where the work after the ack runs, so shutdown (and a test) can wait for it. */
  readonly background: BackgroundWork;
};

/** Nothing is sent for the Home tab: its replies are drawn into the view. */
const noReplies = async () => undefined;

/**
 * The Bolt listeners: translate, then the shared dispatch-and-reply. Clicks and commands are acked first (Slack's
 * 3 s limit) and worked on after; Bolt acks Events API requests itself before calling a listener.
 */
export function registerSlackListeners(app: App, deps: SlackListenerDeps): void {
  // Every button of every card: the registry routes by actionId, so one listener is enough.
  app.action<BlockAction>(/.*/u, async ({ ack, body, action, respond }) => {
    await ack();
    const event = actionEventFrom(body, action);
    if (event) {
      const reply = replyPrivately(deps, event.user, respond);
      dispatchInBackground(deps, event, reply, openFormAfter(deps, event.formTrigger));
    }
  });

  for (const name of COMMAND_NAMES) {
    app.command(`/${name}`, async ({ ack, command, respond }) => {
      await ack();
      const event = commandEventFrom(command);
      const reply = replyPrivately(deps, event.user, respond);
      dispatchInBackground(deps, event, reply, openFormAfter(deps, event.formTrigger));
    });
  }

  // message.im: what people type to the bot in its Messages tab.
  app.event('message', async ({ event, body }) => {
    if (!isUserDm(event)) return;
    const command = dmEventFrom(body, event);
    if (command) dispatchInBackground(deps, command, replyInChannel(deps, command.user, event.channel));
  });

  registerSlackFormListeners(app, deps);

  // https://docs.slack.dev/reference/events/app_home_opened
  app.event('app_home_opened', async ({ event, body }) => {
    if (event.tab !== 'home') return;
    const command = homeCommandEventFrom(body, event);
    // Today's lists first, then the open leads; published once both are answered, in one views.publish.
    dispatchInBackground(deps, homeTodayEventFrom(command), noReplies, async (today) => {
      dispatchInBackground(deps, command, noReplies, async (result) => {
        // A duplicate is Slack's retry of an open already published; its empty replies would wipe the leads shown.
        // Only lists answered: a refusal (not linked, say) is what the `/lead` answer says already.
        const lists = today.ok && !today.duplicate ? today.replies : [];
        if (!result.duplicate)
          await deps.adapter.publishHome(event.user, homeBlocks([...lists, ...result.replies]));
      });
    });
  });
}
