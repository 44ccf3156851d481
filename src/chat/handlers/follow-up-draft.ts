import type { RequiredFollowUpField } from '../../core/follow-ups/index.js';
import type { DraftAnswerer } from '../drafts/draft-text-handler.js';
import { DRAFT_TTL_MS } from '../drafts/draft-types.js';
import {
  continueFollowUp,
  type FollowUpFlowDeps,
  fillAnswer,
  grammarOptions,
  inputOfData,
} from './follow-up-entry.js';

/**
 * The answer to a follow-up draft's question fills the field asked for (and keeps what was given before); then the
 * next missing field is asked, or the follow-up recorded. An answer that does not give the field asks again.
 */
export function followUpDraftAnswerer(deps: FollowUpFlowDeps): DraftAnswerer {
  return async (ctx, draft, text) => {
    const asking = draft.asking as RequiredFollowUpField;
    const filled = fillAnswer(inputOfData(draft.data), asking, text, grammarOptions(ctx, deps.clock));
    if (!filled) {
      await deps.drafts.save({ ...draft, expiresAt: new Date(deps.clock.now().getTime() + DRAFT_TTL_MS) });
      return { replies: [{ text: ctx.texts.followUps.notUnderstood[asking] }] };
    }
    return continueFollowUp(deps, ctx, {
      conversation: draft.conversation,
      draftId: draft.id,
      input: filled,
    });
  };
}
