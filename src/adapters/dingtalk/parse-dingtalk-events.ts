import { z } from 'zod';
import { parseCommandText } from '../../chat/command-grammar.js';
import type { ActionEvent, CommandEvent, TextEvent } from '../../chat/events.js';

// Shared by HTTP mode (request bodies) and Stream mode (the `data` of a pushed message): both carry the same JSON.

/** Doc: https://open.dingtalk.com/document/orgapp/receive-message (only the fields we read; others pass). */
const RobotMessage = z.object({
  msgId: z.string().min(1),
  msgtype: z.string(),
  text: z.object({ content: z.string() }).optional(),
  // Only people of the org have one; a message without it cannot be mapped to a member.
  senderStaffId: z.string().min(1),
  /** "1" a 1:1 chat with the robot, "2" a group (where only messages that @ the robot reach us). */
  conversationType: z.string().optional(),
  conversationId: z.string().optional(),
});

/** Doc: https://open.dingtalk.com/document/development/event-callback-card */
const CardCallback = z.object({
  type: z.string().optional(),
  outTrackId: z.string().min(1),
  userId: z.string().min(1),
  /** A JSON string: { cardPrivateData: { actionIds: [...], params: {...} } }. */
  content: z.string(),
});

const CallbackContent = z.object({
  cardPrivateData: z.object({
    actionIds: z.array(z.string()).default([]),
    params: z.record(z.string(), z.unknown()).default({}),
  }),
});

/**
 * A robot text message: a command, or plain text (the answer to a question the bot asked; with none waiting the
 * registry answers UNKNOWN_COMMAND in the member's language). Group messages arrive with the robot's @-mention
 * (usually already cut by DingTalk, leaving a leading space); any leading @names are dropped. An empty message asks
 * for help. The bot answers in the member's 1:1 chat wherever they typed (replyInDm), so that is the conversation a
 * question waits in: no conversation is set. Returns undefined for what is not a text message from a member.
 */
export function parseRobotMessage(raw: unknown, workspaceId: string): CommandEvent | TextEvent | undefined {
  const parsed = RobotMessage.safeParse(raw);
  if (!parsed.success || parsed.data.msgtype !== 'text' || !parsed.data.text) return undefined;
  const message = parsed.data;
  const text = (message.text?.content ?? '').replace(/^\s*(?:@\S+\s*)*/u, '').trim();
  // DingTalk repeats msgId when it retries a delivery; the registry drops the second one.
  const eventId = `dingtalk:${message.msgId}`;
  const user = { platform: 'dingtalk', workspaceId, userId: message.senderStaffId } as const;
  const command = text ? parseCommandText(text) : { command: 'help' as const, args: [] };
  if (!command) return { type: 'text', eventId, user, text };
  // Answers go to the 1:1 chat wherever it was typed, but a command that hands out a secret must know it was a group.
  const where = message.conversationType === '2' ? { groupChat: true as const } : {};
  return { type: 'command', eventId, user, ...command, rawText: text, ...where };
}

/**
 * A card button click. Our template sends the button's actionId and value, and the card's rev, as callback
 * params (manifests/dingtalk/card-template.json). The event id must make a platform retry harmless without
 * swallowing a later, real click: rev changes whenever the card is redrawn, so (card, user, rev, button) is one
 * click. Without a rev (a template built another way) the delivery's own id is used when there is one.
 */
export function parseCardCallback(
  raw: unknown,
  workspaceId: string,
  requestId?: string,
): ActionEvent | undefined {
  const parsed = CardCallback.safeParse(raw);
  if (!parsed.success || (parsed.data.type !== undefined && parsed.data.type !== 'actionCallback'))
    return undefined;
  const callback = parsed.data;
  const content = CallbackContent.safeParse(parseJson(callback.content));
  if (!content.success) return undefined;
  const { actionIds, params } = content.data.cardPrivateData;
  const actionId = text(params.actionId) || actionIds[0];
  if (!actionId) return undefined;
  const value = text(params.value);
  const rev = text(params.rev);
  const click = `${callback.outTrackId}:${callback.userId}:${actionId}:${value}`;
  return {
    type: 'action',
    eventId: rev
      ? `dingtalk:card:${rev}:${click}`
      : requestId
        ? `dingtalk:req:${requestId}`
        : `dingtalk:card:${click}`,
    user: { platform: 'dingtalk', workspaceId, userId: callback.userId },
    actionId,
    value,
    messageRef: callback.outTrackId,
  };
}

function text(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
