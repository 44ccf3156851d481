import type { Clock } from '../../core/shared/clock.js';
import { DomainError, isDomainError } from '../../core/shared/errors.js';
import { conversationOf } from '../events.js';
import { firstWord, type HandlerContext, type HandlerResult, type TextHandler } from '../registry.js';
import type { ChatDraft, ChatDraftStore, DraftKind } from './draft-types.js';

/** Continues a draft with the member's answer: records it, or saves the draft again with the next question. */
export type DraftAnswerer = (ctx: HandlerContext, draft: ChatDraft, text: string) => Promise<HandlerResult>;

export type DraftTextDeps = { readonly drafts: ChatDraftStore; readonly clock: Clock };

/** What ends any draft at once, in either language (matched without case or surrounding punctuation). */
const CANCEL_WORDS = new Set(['取消', '算了', '不用了', '退出', 'cancel', 'stop', 'quit']);

/**
 * Plain text in a conversation: the answer to the question the member's draft there is waiting on. The draft is
 * taken (removed) in one atomic write, so of two instances, or a platform's retry that slipped past the event
 * ledger, only one continues it; the answerer saves it again when it asks the next question. A draft whose answer
 * came too late says so; with no draft the text is answered as before: an unknown command.
 */
export function draftTextHandler(
  deps: DraftTextDeps,
  answerers: Readonly<Record<DraftKind, DraftAnswerer>>,
): TextHandler {
  return async (ctx, event) => {
    const draft = await deps.drafts.take(ctx.org.id, ctx.member.id, conversationOf(event));
    if (!draft) throw new DomainError('UNKNOWN_COMMAND', { command: firstWord(event.text) });
    if (draft.expiresAt <= deps.clock.now()) return { replies: [{ text: ctx.texts.drafts.expired }] };
    if (CANCEL_WORDS.has(folded(event.text))) return { replies: [{ text: ctx.texts.drafts.cancelled }] };
    try {
      return await answerers[draft.kind](ctx, draft, event.text);
    } catch (error) {
      // A refusal is told and ends the exchange; a crash puts the draft back, so the platform's retry (the event
      // ledger lets a crashed event be handled again) finds it and the record's requestKey keeps it single.
      if (!isDomainError(error)) await deps.drafts.save(draft);
      throw error;
    }
  };
}

const folded = (text: string) =>
  text
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/[\s。.!！]+$/u, '');
