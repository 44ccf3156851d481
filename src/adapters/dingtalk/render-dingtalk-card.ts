import type { ButtonStyle, Card } from '../../chat/card.js';

/**
 * The card template's variables (manifests/dingtalk/card-template.json documents them). DingTalk takes every
 * cardParamMap value as a string, so the button list travels as a JSON string the template loops over.
 */
export type CardTemplateParams = {
  readonly title: string;
  readonly status: string;
  /** One markdown line per field: `**label**：value`. */
  readonly fields: string;
  readonly markdown: string;
  /** JSON of [{ text, actionId, value, style, color }], read by the template's loop container. */
  readonly buttons: string;
  /** "true" / "false": the template hides the button row (and its divider) when there is none. */
  readonly hasButtons: string;
  /**
   * The rendition's id. Buttons send it back with each click, so a retried or double-tapped click on the same
   * rendition dedupes, while the same button clicked again after the card changed is a new event.
   */
  readonly rev: string;
};

/** DingTalk caps each cardParamMap value at 1 KB (create-and-deliver-cards doc); longer text is cut, not refused. */
export const MAX_VALUE_BYTES = 1024;

/** DingTalk's button colours for our three styles. */
const COLORS: Readonly<Record<ButtonStyle, string>> = { primary: 'blue', danger: 'red', default: 'gray' };

export function renderCardParams(card: Card, options: { readonly text?: string; readonly rev: string }) {
  const params: CardTemplateParams = {
    title: clip(card.title),
    status: clip(card.status ?? ''),
    fields: clip(card.fields.map((f) => `**${f.label}**：${escapeMarkdown(f.value)}`).join('\n')),
    // A message with both text and a card shows as one card: the text leads its body.
    markdown: clip([options.text, card.markdown].filter(Boolean).join('\n\n')),
    buttons: buttonsJson(card),
    hasButtons: String(card.buttons.length > 0),
    rev: options.rev,
  };
  return params;
}

function buttonsJson(card: Card): string {
  const all = card.buttons.map((b) => ({
    text: b.label,
    actionId: b.actionId,
    value: b.value,
    style: b.style ?? 'default',
    color: COLORS[b.style ?? 'default'],
  }));
  // Cutting JSON would break the template: drop whole buttons from the end instead (never happens with ours).
  for (let n = all.length; n >= 0; n--) {
    const json = JSON.stringify(all.slice(0, n));
    if (Buffer.byteLength(json) <= MAX_VALUE_BYTES) return json;
  }
  return '[]';
}

/** Field values come from people (company names, notes): keep them from turning into links or markup. */
function escapeMarkdown(text: string): string {
  const wide: Readonly<Record<string, string>> = {
    '<': '＜',
    '>': '＞',
    '[': '［',
    ']': '］',
    '*': '＊',
    '`': '｀',
  };
  return text.replace(/[<>[\]*`]/g, (c) => wide[c] ?? c);
}

/** Cuts at a code point so no character is split; the ellipsis says something was left out. */
function clip(text: string): string {
  if (Buffer.byteLength(text) <= MAX_VALUE_BYTES) return text;
  let out = '';
  for (const ch of text) {
    if (Buffer.byteLength(`${out}${ch}…`) > MAX_VALUE_BYTES) break;
    out += ch;
  }
  return `${out}…`;
}
