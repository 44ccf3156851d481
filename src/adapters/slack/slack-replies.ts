import type { RespondFn } from '@slack/bolt';
import type { OutboundMessage } from '../../chat/card.js';
import type { PlatformUser } from '../../chat/events.js';
import type { DispatchResult } from '../../chat/registry.js';
import { toSlackMessage } from './block-kit.js';
import type { SlackAdapter } from './slack-adapter.js';
import type { SlackLog } from './slack-log.js';

export type ReplyDeps = { readonly adapter: SlackAdapter; readonly log: SlackLog };

/**
 * Answers a click or a slash command where only the person sees it: through the payload's response_url (works in
 * any channel, even one the bot is not in; https://docs.slack.dev/interactivity/handling-user-interaction#message_responses).
 * Without one (a click on the Home tab) the answer goes to their DM instead.
 */
export async function replyPrivately(
  deps: ReplyDeps,
  eventId: string,
  user: PlatformUser,
  result: DispatchResult,
  respond: RespondFn | undefined,
): Promise<void> {
  await each(deps, eventId, result.replies, (reply, key) =>
    respond
      ? // replace_original false: the card that was clicked stays; the outbox updates it with chat.update.
        respond({ response_type: 'ephemeral', replace_original: false, ...toSlackMessage(reply) })
      : deps.adapter.send(user.workspaceId, { kind: 'dm', userId: user.userId }, reply, key),
  );
}

/** Answers a message typed in the bot's DM, in that DM. */
export async function replyInChannel(
  deps: ReplyDeps,
  eventId: string,
  user: PlatformUser,
  channelId: string,
  result: DispatchResult,
): Promise<void> {
  await each(deps, eventId, result.replies, (reply, key) =>
    deps.adapter.send(user.workspaceId, { kind: 'channel', channelId }, reply, key),
  );
}

/** In order, one at a time (Slack shows them in the order they arrive); a failed reply is logged, not retried. */
async function each(
  deps: ReplyDeps,
  eventId: string,
  replies: readonly OutboundMessage[],
  send: (reply: OutboundMessage, key: string) => Promise<unknown>,
): Promise<void> {
  for (const [index, reply] of replies.entries()) {
    try {
      await send(reply, `${eventId}:reply:${index}`);
    } catch (error) {
      deps.log.error({ err: error, platform: 'slack', eventId }, 'slack reply failed');
      return;
    }
  }
}
