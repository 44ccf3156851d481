import type { Button, ButtonStyle, Card, OutboundMessage } from '../../chat/card.js';
import { messageAsText, plainText } from './render-text.js';
import { truncateChars } from './truncate.js';

// Card → WeCom template card of type button_interaction (按钮交互型).
// Doc (fields and their limits): https://developer.work.weixin.qq.com/document/path/90236#按钮交互型
// The character limits are WeCom's "建议不超过" (display) limits; the byte limits are hard ones.
const LIMITS = {
  title: 36,
  subTitle: 112,
  fields: 6,
  keyname: 5,
  value: 30,
  buttons: 6,
  buttonText: 10,
  keyBytes: 1024,
} as const;

/**
 * WeCom's button styles are numbered 1–4 and the doc shows them only as a picture (默认1). Mapped as 1 = filled
 * blue (primary), 2 = plain (default), 3 = red (danger); 4 is not used.
 */
const STYLE: Readonly<Record<ButtonStyle, 1 | 2 | 3>> = { primary: 1, default: 2, danger: 3 };

export type WecomButton = { readonly text: string; readonly style: 1 | 2 | 3 | 4; readonly key: string };

export type WecomTemplateCard = {
  readonly card_type: 'button_interaction';
  readonly main_title: { readonly title: string };
  readonly sub_title_text?: string;
  readonly horizontal_content_list?: readonly { readonly keyname: string; readonly value: string }[];
  readonly quote_area?: { readonly type: 0; readonly quote_text: string };
  readonly task_id: string;
  readonly button_list: readonly WecomButton[];
};

/** The body of an app message (message/send) without its addressing. */
export type WecomMessageContent =
  | { readonly msgtype: 'text'; readonly text: { readonly content: string } }
  | { readonly msgtype: 'template_card'; readonly template_card: WecomTemplateCard }
  | WecomImageMessage
  | WecomFileMessage;

/** A file message showing uploaded media (文件消息, document/path/90236): an export. */
export type WecomFileMessage = { readonly msgtype: 'file'; readonly file: { readonly media_id: string } };

/** An image message showing uploaded media (图片消息, document/path/90236). */
export type WecomImageMessage = { readonly msgtype: 'image'; readonly image: { readonly media_id: string } };

/** The click's EventKey: the handler's route and value, split again on the first "|" when the click comes in. */
export function buttonKey(button: Pick<Button, 'actionId' | 'value'>): string {
  const key = `${button.actionId}|${button.value}`;
  // Values are entity ids, so this is a bug in a renderer; cutting the key would route the click wrongly.
  if (Buffer.byteLength(key, 'utf8') > LIMITS.keyBytes) {
    throw new Error(`button key for ${button.actionId} is over WeCom's ${LIMITS.keyBytes} bytes`);
  }
  return key;
}

/**
 * The card as a button_interaction template card. Fields past the sixth and the longer text go to the quote area
 * as plain lines, so nothing is lost when WeCom's list is full. `text` (a message's text beside its card) joins
 * the status line, as a template card has no other free text.
 */
export function renderTemplateCard(card: Card, taskId: string, text?: string): WecomTemplateCard {
  const shown = card.fields.slice(0, LIMITS.fields);
  const overflow = card.fields.slice(LIMITS.fields).map((f) => `${f.label}：${f.value}`);
  const quote = [...overflow, ...(card.markdown ? [plainText(card.markdown)] : [])].join('\n');
  const subTitle = [card.status, text].filter((s): s is string => Boolean(s)).join('\n');
  return {
    card_type: 'button_interaction',
    main_title: { title: truncateChars(card.title, LIMITS.title) },
    ...(subTitle ? { sub_title_text: truncateChars(subTitle, LIMITS.subTitle) } : {}),
    ...(shown.length > 0
      ? {
          horizontal_content_list: shown.map((f) => ({
            keyname: truncateChars(f.label, LIMITS.keyname),
            value: truncateChars(f.value, LIMITS.value),
          })),
        }
      : {}),
    ...(quote ? { quote_area: { type: 0, quote_text: quote } } : {}),
    task_id: taskId,
    button_list: renderButtons(card.buttons),
  };
}

function renderButtons(buttons: readonly Button[]): WecomButton[] {
  const seen = new Set<string>();
  const rendered: WecomButton[] = [];
  for (const button of buttons) {
    const key = buttonKey(button);
    // WeCom rejects repeated keys, and two buttons with one key could not be told apart on click anyway.
    if (seen.has(key)) continue;
    seen.add(key);
    rendered.push({
      text: truncateChars(button.label, LIMITS.buttonText),
      style: STYLE[button.style ?? 'default'],
      key,
    });
  }
  return rendered.slice(0, LIMITS.buttons);
}

/**
 * What to send for a message: a template card when there is something to click, else text. A card without buttons
 * goes as text because a button_interaction card needs a button and the other card types need a jump URL.
 */
export function renderWecomMessage(message: OutboundMessage, taskId: string): WecomMessageContent {
  if (message.card && message.card.buttons.length > 0) {
    return {
      msgtype: 'template_card',
      template_card: renderTemplateCard(message.card, taskId, message.text),
    };
  }
  return { msgtype: 'text', text: { content: messageAsText(message) } };
}
