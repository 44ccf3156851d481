import { XMLParser } from 'fast-xml-parser';
import { z } from 'zod';
import { parseCommandText } from '../../chat/command-grammar.js';
import type { ChatEvent } from '../../chat/events.js';

// WeCom callback payloads (XML) → chat events.
// Docs: 接收消息 https://developer.work.weixin.qq.com/document/path/90239 ,
//       模板卡片事件 template_card_event https://developer.work.weixin.qq.com/document/path/90240

// Every value stays a string: MsgId has 19 digits and would lose its last ones as a JS number, and a user id or
// text command of digits must not turn into a number either.
// The envelope is read before its signature is checked, so it gets no entity processing at all.
const envelopeParser = new XMLParser({ parseTagValue: false, processEntities: false });
// The decrypted payload is authenticated; entities (&amp;) are decoded as in any XML.
const payloadParser = new XMLParser({ parseTagValue: false });

const envelopeSchema = z.object({ xml: z.object({ Encrypt: z.string().min(1) }) });

/** The ciphertext of a POSTed callback (`<xml><Encrypt>…</Encrypt></xml>`), or undefined when the body is not one. */
export function readEncrypted(body: string): string | undefined {
  try {
    const parsed = envelopeSchema.safeParse(envelopeParser.parse(body));
    return parsed.success ? parsed.data.xml.Encrypt : undefined;
  } catch {
    return undefined;
  }
}

const common = { FromUserName: z.string().min(1), CreateTime: z.string().regex(/^\d+$/) };

const textMessage = z.object({
  ...common,
  MsgType: z.literal('text'),
  MsgId: z.string().min(1),
  Content: z.string(),
});

const cardClick = z.object({
  ...common,
  MsgType: z.literal('event'),
  Event: z.literal('template_card_event'),
  EventKey: z.string().min(1),
  TaskId: z.string().min(1),
  // Documented on every click; a click without one is still handled, its card just cannot be changed.
  ResponseCode: z.string().min(1).optional(),
});

const payloadSchema = z.object({ xml: z.union([textMessage, cardClick]) });

/** A one-time code for changing the card the click came from. */
export type ClickResponseCode = { readonly taskId: string; readonly code: string };

export type WecomInbound =
  | { readonly kind: 'event'; readonly event: ChatEvent; readonly responseCode?: ClickResponseCode }
  /** Images, voice, entering the app, other events: acknowledged and not handled. */
  | { readonly kind: 'ignored' };

/** Turns a decrypted payload into a chat event. `corpId` is the workspace the registry maps users in. */
export function toInbound(payloadXml: string, corpId: string): WecomInbound {
  const parsed = payloadSchema.safeParse(parseOrUndefined(payloadXml));
  if (!parsed.success) return { kind: 'ignored' };
  const p = parsed.data.xml;
  const user = { platform: 'wecom', workspaceId: corpId, userId: p.FromUserName } as const;
  if (p.MsgType === 'text') {
    if (!p.Content.trim()) return { kind: 'ignored' };
    // WeCom retries a message with the same MsgId. Text that is no command is plain text: the answer to a
    // question the bot asked in this app chat, or else an unknown command (the registry words it).
    const eventId = `wecom:${p.MsgId}`;
    const command = parseCommandText(p.Content);
    const event: ChatEvent = command
      ? { type: 'command', eventId, user, ...command, rawText: p.Content }
      : { type: 'text', eventId, user, text: p.Content };
    return { kind: 'event', event };
  }
  const bar = p.EventKey.indexOf('|');
  const event: ChatEvent = {
    type: 'action',
    // Events have no MsgId; WeCom's advice is to dedupe them on FromUserName + CreateTime (plus the key clicked).
    eventId: `wecom:${p.FromUserName}:${p.CreateTime}:${p.EventKey}`,
    user,
    actionId: bar < 0 ? p.EventKey : p.EventKey.slice(0, bar),
    value: bar < 0 ? '' : p.EventKey.slice(bar + 1),
    // The task_id is the messageRef the adapter returned when it sent the card.
    messageRef: p.TaskId,
  };
  return {
    kind: 'event',
    event,
    ...(p.ResponseCode ? { responseCode: { taskId: p.TaskId, code: p.ResponseCode } } : {}),
  };
}

function parseOrUndefined(xml: string): unknown {
  try {
    return payloadParser.parse(xml);
  } catch {
    return undefined;
  }
}
