import type { RespondFn } from '@slack/bolt';
import type { SendReply } from '../../chat/dispatch-and-reply.js';
import type { PlatformUser } from '../../chat/events.js';
import { toSlackMessage } from './render-slack-card.js';
import type { SlackAdapter } from './slack-adapter.js';

export type ReplyDeps = { readonly adapter: SlackAdapter };

/**
 * Answers a click or a slash command where only the person sees it: through the payload's response_url (works in
 * any channel, even one the bot is not in; https://docs.slack.dev/interactivity/handling-user-interaction#message_responses).
 * Without one (a click on the Home tab) the answer goes to their DM instead.
 */
export function replyPrivately(
  deps: ReplyDeps,
  user: PlatformUser,
  respond: RespondFn | undefined,
): SendReply {
  return (reply, key) =>
    respond
      ? // replace_original false: the card that was clicked stays; the outbox updates it with chat.update.
        respond({ response_type: 'ephemeral', replace_original: false, ...toSlackMessage(reply) })
      : deps.adapter.send(user.workspaceId, { kind: 'dm', userId: user.userId }, reply, key);
}

/** Answers a message typed in the bot's DM, in that DM. */
export function replyInChannel(deps: ReplyDeps, user: PlatformUser, channelId: string): SendReply {
  return (reply, key) => deps.adapter.send(user.workspaceId, { kind: 'channel', channelId }, reply, key);
}
