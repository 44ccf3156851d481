import type { App, BlockAction } from '@slack/bolt';
import type { Registry } from '../../chat/registry.js';
import { COMMAND_NAMES } from '../../chat/texts/catalogue.js';
import type { SlackAdapter } from './slack-adapter.js';
import {
  actionEventFrom,
  commandEventFrom,
  dmCommandEventFrom,
  homeCommandEventFrom,
  isUserDm,
} from './slack-events.js';
import { homeBlocks } from './slack-home.js';
import type { SlackLog } from './slack-log.js';
import { replyInChannel, replyPrivately } from './slack-replies.js';

export type SlackListenerDeps = {
  readonly registry: Pick<Registry, 'dispatch'>;
  readonly adapter: SlackAdapter;
  readonly log: SlackLog;
};

/**
 * The Bolt listeners: translate, dispatch, reply. Clicks and commands are acked first (Slack's 3 s limit) and worked
 * on after; Bolt acks Events API requests itself before calling a listener.
 */
export function registerSlackListeners(app: App, deps: SlackListenerDeps): void {
  // Every button of every card: the registry routes by actionId, so one listener is enough.
  app.action<BlockAction>(/.*/u, async ({ ack, body, action, respond }) => {
    await ack();
    const event = actionEventFrom(body, action);
    if (!event) return;
    const result = await deps.registry.dispatch(event);
    await replyPrivately(deps, event.eventId, event.user, result, respond);
  });

  for (const name of COMMAND_NAMES) {
    app.command(`/${name}`, async ({ ack, command, respond }) => {
      await ack();
      const event = commandEventFrom(command);
      const result = await deps.registry.dispatch(event);
      await replyPrivately(deps, event.eventId, event.user, result, respond);
    });
  }

  // message.im: what people type to the bot in its Messages tab.
  app.event('message', async ({ event, body }) => {
    if (!isUserDm(event)) return;
    const command = dmCommandEventFrom(body, event);
    if (!command) return;
    const result = await deps.registry.dispatch(command);
    await replyInChannel(deps, command.eventId, command.user, event.channel, result);
  });

  // https://docs.slack.dev/reference/events/app_home_opened
  app.event('app_home_opened', async ({ event, body }) => {
    if (event.tab !== 'home') return;
    const command = homeCommandEventFrom(body, event);
    const result = await deps.registry.dispatch(command);
    // A duplicate is Slack's retry of an open already published; its empty replies would wipe the leads shown.
    if (result.duplicate) return;
    await deps.adapter.publishHome(event.user, homeBlocks(result.replies));
  });
}
