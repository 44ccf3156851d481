import type { BlockAction, BlockElementAction, SlashCommand, types } from '@slack/bolt';
import { parseCommandText, splitWords } from '../../chat/command-grammar.js';
import type { ActionEvent, CommandEvent, PlatformUser } from '../../chat/events.js';
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
  if (action.type !== 'button') return undefined;
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
    value: action.value ?? '',
    ...(messageRef ? { messageRef } : {}),
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
  };
}

/**
 * A message typed to the bot in its DM: `lead L-12`, `/线索 L-12`. Text that is no command is still dispatched, under
 * its first word, so the registry answers "unknown command" in the member's own language.
 */
export function dmCommandEventFrom(
  envelope: { readonly event_id: string; readonly team_id: string },
  event: types.GenericMessageEvent,
): CommandEvent | undefined {
  const text = plainSlackText(event.text ?? '').trim();
  const parsed = parseCommandText(text);
  const [head, ...rest] = parsed ? [parsed.command, ...parsed.args] : withoutMentions(splitWords(text));
  if (head === undefined) return undefined;
  return {
    type: 'command',
    // Slack's retries of one event carry the same event_id: https://docs.slack.dev/apis/events-api/#retries
    eventId: `slack:${envelope.event_id}`,
    user: slackUser(envelope.team_id, event.user),
    command: head,
    args: rest,
    rawText: text,
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
