import type { Card, OutboundMessage } from '../../chat/card.js';
import { truncateBytes } from './truncate.js';

// Text and markdown renderings, for what a template card cannot carry: group chats (appchat) and buttonless cards.
// Doc (text: 最长不超过2048个字节; markdown: 最长不超过2048个字节): https://developer.work.weixin.qq.com/document/path/90236

export const TEXT_MAX_BYTES = 2048;

/** The card model's markdown subset (**bold**, `code`, line breaks) as plain text, for fields that show no markup. */
export function plainText(markdown: string): string {
  return markdown.replace(/\*\*(.+?)\*\*/gs, '$1').replace(/`([^`]*)`/g, '$1');
}

/** A card as plain lines: title, status, "label：value" per field, then the longer text. */
export function cardAsText(card: Card): string {
  return [
    card.title,
    ...(card.status ? [card.status] : []),
    ...card.fields.map((f) => `${f.label}：${f.value}`),
    ...(card.markdown ? [plainText(card.markdown)] : []),
  ].join('\n');
}

/**
 * A card as WeCom markdown (a subset: **bold**, `code`, "> " quotes). The card's own markdown already uses that
 * subset, so it is passed through. Buttons are left out: a group message cannot call back (see wecom-adapter.ts).
 */
export function cardAsMarkdown(card: Card): string {
  return [
    `**${card.title}**`,
    ...(card.status ? [`> ${card.status}`] : []),
    ...card.fields.map((f) => `${f.label}：${f.value}`),
    ...(card.markdown ? [card.markdown] : []),
  ].join('\n');
}

/** The whole message as one text; WeCom would cut a longer one itself, possibly inside a character. */
export function messageAsText(message: OutboundMessage): string {
  const parts = [
    ...(message.text ? [message.text] : []),
    ...(message.card ? [cardAsText(message.card)] : []),
  ];
  return truncateBytes(parts.join('\n\n'), TEXT_MAX_BYTES);
}

/** The whole message as WeCom markdown, for group chats. */
export function messageAsMarkdown(message: OutboundMessage): string {
  const parts = [
    ...(message.text ? [message.text] : []),
    ...(message.card ? [cardAsMarkdown(message.card)] : []),
  ];
  return truncateBytes(parts.join('\n\n'), TEXT_MAX_BYTES);
}
