import type { BlockAction, BlockElementAction, SlashCommand, types, ViewSubmitAction } from '@slack/bolt';
import { parseCommandText, splitWords } from '../../chat/command-grammar.js';
import type { ActionEvent, CommandEvent, PlatformUser, SubmitEvent, TextEvent } from '../../chat/events.js';
import { actionIdFromSlack } from './render-slack-card.js';
import { messageRefOf } from './slack-adapter.js';

// Slack payloads → the platform-neutral chat events. Pure functions, so each mapping is tested without HTTP.
// Payload references: https://docs.slack.dev/reference/interaction-payloads/block_actions-payload ,
// https://docs.slack.dev/interactivity/implementing-slash-commands , https://docs.slack.dev/reference/events/message.im

const slackUser = (workspaceId: string, userId: string): PlatformUser => ({
  platform: 'slack',
  workspaceId,
  userId,
});

/**
 * A button click. Slack does not retry interactivity payloads, but the id is built only from the payload, so a
 * replayed or re-delivered payload gets the same id and the registry's dedupe makes it harmless.
 */
export function actionEventFrom(body: BlockAction, action: BlockElementAction): ActionEvent | undefined {
  // A button, or a select menu's choice (its value is the chosen option's).
  const value =
    action.type === 'button'
      ? (action.value ?? '')
      : action.type === 'static_select'
        ? action.selected_option?.value
        : undefined;
  if (value === undefined) return undefined;
  const container = body.container as { message_ts?: string; channel_id?: string; view_id?: string };
  const where = container.message_ts ?? container.view_id ?? 'none';
  const messageRef =
    container.message_ts && container.channel_id
      ? messageRefOf(container.channel_id, container.message_ts)
      : undefined;
  return {
    type: 'action',
    eventId: `slack:${where}:${action.action_id}:${body.user.id}:${action.action_ts}`,
    user: slackUser(body.team?.id ?? body.user.team_id ?? '', body.user.id),
    actionId: actionIdFromSlack(action.action_id),
    value,
    ...(messageRef ? { messageRef } : {}),
    ...conversationOfChannel(container.channel_id),
    // A click can open a modal with its trigger_id (https://docs.slack.dev/surfaces/modals#opening_modals).
    ...(body.trigger_id ? { formTrigger: body.trigger_id } : {}),
  };
}

/** A slash command: `/lead L-12` arrives as command `/lead`, text `L-12`. trigger_id is unique per invocation. */
export function commandEventFrom(command: SlashCommand): CommandEvent {
  const text = plainSlackText(command.text ?? '');
  return {
    type: 'command',
    eventId: `slack:command:${command.trigger_id}`,
    user: slackUser(command.team_id, command.user_id),
    command: command.command.replace(/^\//, '').toLowerCase(),
    args: splitWords(text.normalize('NFKC')),
    rawText: `${command.command} ${text}`.trim(),
    ...conversationOfChannel(command.channel_id),
    formTrigger: command.trigger_id,
  };
}

/**
 * The bot's DM (a `D…` channel) is the default conversation, where plain answers arrive (message.im); any other
 * channel is named, so a question asked there is not answered from the DM by mistake.
 */
function conversationOfChannel(channelId: string | undefined): { conversation?: string } {
  return channelId && !channelId.startsWith('D') ? { conversation: channelId } : {};
}

/**
 * A message typed to the bot in its DM: a command (`lead L-12`, `/线索 L-12`), or plain text, the answer to a
 * question the bot asked there (with none waiting the registry answers "unknown command" in the member's language).
 */
export function dmEventFrom(
  envelope: { readonly event_id: string; readonly team_id: string },
  event: types.GenericMessageEvent,
): CommandEvent | TextEvent | undefined {
  const text = plainSlackText(event.text ?? '').trim();
  // Slack's retries of one event carry the same event_id: https://docs.slack.dev/apis/events-api/#retries
  const eventId = `slack:${envelope.event_id}`;
  const user = slackUser(envelope.team_id, event.user);
  const parsed = parseCommandText(text);
  if (parsed) return { type: 'command', eventId, user, ...parsed, rawText: text };
  const words = withoutMentions(splitWords(text));
  if (words.length === 0) return undefined;
  return { type: 'text', eventId, user, text: text.replace(/^(?:@\S+\s*)+/u, '') };
}

/**
 * A modal submitted (https://docs.slack.dev/reference/interaction-payloads/view-interactions-payload#view_submission):
 * each input block's one element, by block id, as text (a select's chosen value). The view's id and hash name
 * this submission, so a re-delivered payload is handled once.
 */
export function submitEventFrom(body: ViewSubmitAction): SubmitEvent {
  const values: Record<string, string> = {};
  for (const [blockId, elements] of Object.entries(body.view.state.values)) {
    const element = Object.values(elements)[0] as
      | { value?: string | null; selected_option?: { value: string } | null }
      | undefined;
    const value = element?.selected_option?.value ?? element?.value;
    if (typeof value === 'string') values[blockId] = value;
  }
  return {
    type: 'submit',
    eventId: `slack:view:${body.view.id}:${body.view.hash}`,
    user: slackUser(body.team?.id ?? body.user.team_id ?? '', body.user.id),
    formId: body.view.callback_id,
    meta: body.view.private_metadata,
    values,
  };
}

/**
 * Opening the Home tab, as `/lead` with no arguments: the registry answers with the member's open leads. event_ts
 * differs per open, so each open is dispatched (the registry dedupes by id), while a Slack retry of one open carries
 * the same event_ts and is dropped. The envelope's event_id stands in should event_ts ever be missing.
 */
export function homeCommandEventFrom(
  envelope: { readonly event_id: string; readonly team_id: string },
  event: { readonly user: string; readonly event_ts?: string },
): CommandEvent {
  return {
    type: 'command',
    // With the user: two people opening Home at the same instant share an event_ts.
    eventId: `slack:home:${event.user}:${event.event_ts || envelope.event_id}`,
    user: slackUser(envelope.team_id, event.user),
    command: 'lead',
    args: [],
    rawText: '/lead',
  };
}

function withoutMentions(words: string[]): string[] {
  while (words[0]?.startsWith('@')) words.shift();
  return words;
}

/** A person's own message in a DM with the bot: not the bot's posts, not edits, joins or other subtypes. */
export function isUserDm(event: types.MessageEvent): event is types.GenericMessageEvent {
  return event.channel_type === 'im' && event.subtype === undefined && !('bot_id' in event && event.bot_id);
}

/**
 * Slack's wire text to what the person typed: `<@U1|wang>` → `@wang`, `<https://x|x>` → `x`, entities decoded.
 * https://docs.slack.dev/messaging/formatting-message-text#escaping
 */
export function plainSlackText(text: string): string {
  return text
    .replace(/<([@#!])([^|>]+)(?:\|([^>]*))?>/gu, (_m, sigil: string, id: string, label?: string) =>
      sigil === '#' ? `#${label || id}` : `@${label || id}`,
    )
    .replace(/<([^|>]+)(?:\|([^>]*))?>/gu, (_m, url: string, label?: string) => label || url)
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
}
