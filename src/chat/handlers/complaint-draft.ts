import { canonicalOrderNumber } from '../complaint-grammar.js';
import type { DraftAnswerer } from '../drafts/draft-text-handler.js';
import { type ChatDraft, DRAFT_TTL_MS } from '../drafts/draft-types.js';
import type { HandlerContext } from '../registry.js';
import {
  type ComplaintAsking,
  type ComplaintChatDeps,
  type ComplaintGiven,
  continueComplaint,
  givenOfData,
} from './complaint-flow.js';

/**
 * The answer to a complaint draft's question: the customer's name, which of several customers (`2`), which order
 * (`2`, or an order number), or the description, as typed. Then the next missing part is asked, or the complaint
 * raised. An answer that names none of the choices asks again.
 */
export function complaintDraftAnswerer(deps: ComplaintChatDeps): DraftAnswerer {
  return async (ctx, draft, text) => {
    const filled = fillComplaintAnswer(draft, text);
    if (!filled) {
      await deps.drafts.save({ ...draft, expiresAt: new Date(deps.clock.now().getTime() + DRAFT_TTL_MS) });
      return { replies: [{ text: notUnderstood(ctx, draft) }] };
    }
    return continueComplaint(deps, ctx, {
      conversation: draft.conversation,
      draftId: draft.id,
      given: filled,
      canSelect: false,
    });
  };
}

/** What the answer fills in, or undefined when it gives nothing the question asked for. */
export function fillComplaintAnswer(draft: ChatDraft, text: string): ComplaintGiven | undefined {
  const given = givenOfData(draft.data);
  const typed = text.trim();
  if (!typed) return undefined;
  const asking = draft.asking as ComplaintAsking;
  const picked = choiceOf(typed, draft.data.choices);
  switch (asking) {
    case 'customer':
      return { ...given, customerText: typed };
    case 'whichCustomer': {
      if (picked === undefined) return { ...given, customerText: typed };
      const [id, name] = Array.isArray(picked) ? picked : [];
      return typeof id === 'string' ? { ...given, customerId: id, customerName: String(name) } : undefined;
    }
    case 'order': {
      const number = typeof picked === 'string' ? picked : canonicalOrderNumber(typed);
      return number ? { ...given, orderNumber: number } : undefined;
    }
    case 'description':
      return { ...given, description: typed };
  }
}

/** `2`, `２`, `第2个`, `2.` to the second of the stored choices; undefined when it is no number of the list. */
function choiceOf(typed: string, choices: string | undefined): unknown {
  const list = parseList(choices);
  const n = /^第?\s*(\d{1,3})\s*[个号项.。、]?$/u.exec(typed.normalize('NFKC'))?.[1];
  return n ? list[Number(n) - 1] : undefined;
}

const parseList = (json: string | undefined): unknown[] => {
  try {
    const value: unknown = json ? JSON.parse(json) : [];
    return Array.isArray(value) ? value : [];
  } catch {
    return [];
  }
};

function notUnderstood(ctx: HandlerContext, draft: ChatDraft): string {
  const count = parseList(draft.data.choices).length;
  return count > 0 ? ctx.texts.complaintChat.pickOne(count) : ctx.texts.complaintChat.ask.description;
}
