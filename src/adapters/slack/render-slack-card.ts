import type { types } from '@slack/bolt';
import type { Button, Card, OutboundMessage, Select } from '../../chat/card.js';
import { cardWithAltText } from '../../chat/card-images.js';

// Block Kit reference: https://docs.slack.dev/reference/block-kit/blocks
export type SlackBlock = types.KnownBlock;
export type SlackMessage = { readonly text: string; readonly blocks?: SlackBlock[] };

/** Slack's documented limits; going over one makes the whole postMessage fail with `invalid_blocks`. */
const LIMITS = { header: 150, buttonText: 75, fieldText: 2000, sectionText: 3000, fields: 10, buttons: 25 };

/** A repeated actionId gets `#2`, `#3`…; Slack rejects two elements with the same action_id in one block. */
const SUFFIX = /#\d+$/;

/** Our Button.actionId back from a Slack action_id, with the uniqueness suffix removed. */
export function actionIdFromSlack(slackActionId: string): string {
  return slackActionId.replace(SUFFIX, '');
}

/** `&`, `<` and `>` are control characters in Slack text: https://docs.slack.dev/messaging/formatting-message-text */
export function escapeMrkdwn(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** Our markdown subset (**bold**, `code`, line breaks) in Slack's mrkdwn, where bold is a single `*`. */
export function toMrkdwn(markdown: string): string {
  return escapeMrkdwn(markdown).replace(/\*\*(.+?)\*\*/gsu, '*$1*');
}

/**
 * A message for chat.postMessage / chat.update / respond: blocks for a card, and `text` for notifications.
 * `mentionUserIds` become `<@U…>` in front of the text and of the first text block, so the members are notified.
 * `imageBlocks` are the card's images once uploaded (slack-images.ts); where none are given (a respond() reply, the
 * Home tab) a card's images are shown as their alt text.
 */
export function toSlackMessage(
  message: OutboundMessage,
  mentionUserIds: readonly string[] = [],
  imageBlocks: readonly SlackBlock[] = [],
): SlackMessage {
  const mentions = mentionPrefix(mentionUserIds);
  const { card } = message;
  if (!card && !message.select) return { text: joinMentions(mentions, toMrkdwn(message.text ?? '')) };
  // With blocks present Slack shows `text` only in notifications, so a text next to a card is drawn as a block.
  return {
    text: joinMentions(mentions, card ? fallbackText(message.text, card) : escapeMrkdwn(message.text ?? '')),
    blocks: blocksOf(message, mentions, imageBlocks),
  };
}

/** A message as blocks only (a text as a section, then the card), for surfaces with no `text` such as the Home tab. */
export function messageBlocks(message: OutboundMessage): SlackBlock[] {
  return blocksOf(message, '');
}

/**
 * Slack's user mention syntax, `<@U…>` per user, space-separated; mrkdwn only (a plain_text header cannot mention).
 * https://docs.slack.dev/messaging/formatting-message-text#mentioning-users
 */
export function mentionPrefix(userIds: readonly string[]): string {
  return userIds.map((id) => `<@${id}>`).join(' ');
}

function joinMentions(mentions: string, text: string): string {
  return mentions && text ? `${mentions} ${text}` : mentions || text;
}

/** The text (after the already-formatted mentions) as a first mrkdwn section, then the card. */
function blocksOf(
  message: OutboundMessage,
  mentions: string,
  imageBlocks: readonly SlackBlock[] = [],
): SlackBlock[] {
  const lead = joinMentions(mentions, message.text ? toMrkdwn(message.text) : '');
  const text: SlackBlock[] = lead ? [mrkdwnSection(lead)] : [];
  return [
    ...text,
    ...(message.card ? cardBlocks(message.card, imageBlocks) : []),
    ...(message.select ? [selectBlock(message.select)] : []),
  ];
}

/**
 * A select menu in an actions block; the choice arrives as a block action with the option's value.
 * https://docs.slack.dev/reference/block-kit/block-elements/select-menu-element#static_select
 */
function selectBlock(select: Select): SlackBlock {
  return {
    type: 'actions',
    elements: [
      {
        type: 'static_select',
        action_id: select.actionId,
        placeholder: { type: 'plain_text', text: clip(select.placeholder, LIMITS.buttonText) },
        // Slack allows 100 options, each text ≤ 75 characters and value ≤ 150.
        options: select.options.slice(0, 100).map((o) => ({
          text: { type: 'plain_text', text: clip(o.label, LIMITS.buttonText) },
          value: o.value.slice(0, 150),
        })),
      },
    ],
  };
}

/**
 * The card as blocks: header, status (context), fields (sections of ≤ 10), markdown, its images, then the buttons.
 * Images not uploaded (no `imageBlocks`) stand as their alt text after the markdown.
 */
export function cardBlocks(shown: Card, imageBlocks: readonly SlackBlock[] = []): SlackBlock[] {
  const card = imageBlocks.length > 0 ? shown : cardWithAltText(shown);
  const blocks: SlackBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: clip(card.title, LIMITS.header), emoji: true } },
  ];
  if (card.status)
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: toMrkdwn(card.status) }] });
  for (const group of chunk(card.fields, LIMITS.fields)) {
    blocks.push({
      type: 'section',
      fields: group.map((f) => ({
        type: 'mrkdwn',
        text: clip(`*${escapeMrkdwn(f.label)}*\n${escapeMrkdwn(f.value)}`, LIMITS.fieldText),
      })),
    });
  }
  if (card.markdown) blocks.push(mrkdwnSection(toMrkdwn(card.markdown)));
  blocks.push(...imageBlocks);
  const buttons = uniqueButtons(card.buttons);
  for (const group of chunk(buttons, LIMITS.buttons)) blocks.push({ type: 'actions', elements: group });
  return blocks;
}

function uniqueButtons(buttons: readonly Button[]): types.Button[] {
  const seen = new Map<string, number>();
  return buttons.map((b) => {
    const count = (seen.get(b.actionId) ?? 0) + 1;
    seen.set(b.actionId, count);
    return {
      type: 'button',
      text: { type: 'plain_text', text: clip(b.label, LIMITS.buttonText), emoji: true },
      action_id: count === 1 ? b.actionId : `${b.actionId}#${count}`,
      value: b.value,
      // Slack has no "default" style: leaving the field out is the default.
      ...(b.style === 'primary' || b.style === 'danger' ? { style: b.style } : {}),
    };
  });
}

function fallbackText(text: string | undefined, card: Card): string {
  const summary = card.status ? `${card.title} — ${card.status}` : card.title;
  return escapeMrkdwn(text ? `${text}\n${summary}` : summary);
}

function mrkdwnSection(text: string): SlackBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: clip(text, LIMITS.sectionText) } };
}

/** Cuts at a code point, never inside a surrogate pair, so Chinese and emoji stay valid. */
function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const groups: T[][] = [];
  for (let i = 0; i < items.length; i += size) groups.push(items.slice(i, i + size));
  return groups;
}
