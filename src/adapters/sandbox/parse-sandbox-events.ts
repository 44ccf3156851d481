import { z } from 'zod';
import { parseCommandText } from '../../chat/command-grammar.js';
import type { ActionEvent, CommandEvent, TextEvent } from '../../chat/events.js';
import { parseDuration } from '../../core/shared/duration.js';
import { SANDBOX_SETTINGS as S } from './sandbox-settings.js';

// The sandbox API's request bodies, and the chat events they become. A caller may pass its own event id to
// play a platform's retry (the same id is processed once); otherwise every request is a new event.

export const MessagesQuery = z.object({
  member: z.string().min(1),
  limit: z.coerce.number().int().min(1).max(S.maxMessagesPerRead).default(S.defaultMessagesPerRead),
});
export const ActionBody = z.object({
  member: z.string().min(1),
  message: z.string().min(1),
  actionId: z.string().min(1),
  value: z.string().optional(),
  eventId: z.string().min(1).max(S.maxEventIdLength).optional(),
});
export const CommandBody = z.object({
  member: z.string().min(1),
  text: z.string().min(1).max(S.maxCommandLength),
  conversation: z.string().min(1).optional(),
  eventId: z.string().min(1).max(S.maxEventIdLength).optional(),
});
export const ClockBody = z.object({
  advance: z.string().refine((v) => parseDuration(v) !== undefined, 'a duration such as 25h, 90m or 2d'),
});

/** Who acts: a member of the sandbox org, known by their member id (the sandbox's user id). */
export type SandboxActor = {
  readonly workspaceId: string;
  readonly userId: string;
  readonly eventId: string;
};

export function sandboxActionEvent(
  actor: SandboxActor,
  button: { readonly actionId: string; readonly value: string },
  messageRef: string,
): ActionEvent {
  return { type: 'action', eventId: actor.eventId, user: userOf(actor), ...button, messageRef };
}

/**
 * A typed command, or else plain text (the answer to a question the bot asked there). `conversation` is given
 * only for a group conversation: the member's DM is the default conversation every platform shares.
 */
export function sandboxMessageEvent(
  actor: SandboxActor,
  text: string,
  conversation?: string,
): CommandEvent | TextEvent {
  const where = conversation ? { conversation } : {};
  const parsed = parseCommandText(text);
  if (!parsed) return { type: 'text', eventId: actor.eventId, user: userOf(actor), text, ...where };
  return { type: 'command', eventId: actor.eventId, user: userOf(actor), ...parsed, rawText: text, ...where };
}

const userOf = (actor: SandboxActor) =>
  ({ platform: 'sandbox', workspaceId: actor.workspaceId, userId: actor.userId }) as const;
