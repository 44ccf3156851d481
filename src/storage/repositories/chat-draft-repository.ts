import type { ChatDraft, ChatDraftStore, DraftKind } from '../../chat/drafts/draft-types.js';
import { type Clock, systemClock } from '../../core/shared/clock.js';
import { memberId, orgId } from '../../core/shared/ids.js';
import { CHAT_DRAFT_PURGE_AFTER_MS, type ChatDraftDoc } from '../models/chat-draft-model.js';
import type { Models } from '../models.js';
import { isDuplicateKeyError, mustObjectId } from '../object-id.js';

/** Drafts in MongoDB: one upsert to save, one findOneAndDelete to take (atomic on the unique key). */
export function mongoChatDrafts(models: Models, realClock: Clock = systemClock): ChatDraftStore {
  const keyOf = (org: string, member: string, conversation: string) => ({
    orgId: mustObjectId(org),
    memberId: mustObjectId(member),
    conversation,
  });
  return {
    async save(draft) {
      const key = keyOf(draft.orgId, draft.memberId, draft.conversation);
      const purgeAt = new Date(realClock.now().getTime() + CHAT_DRAFT_PURGE_AFTER_MS);
      const set = {
        draftId: draft.id,
        kind: draft.kind,
        data: draft.data,
        asking: draft.asking,
        expiresAt: draft.expiresAt,
        purgeAt,
      };
      try {
        await models.ChatDraft.updateOne(key, { $set: set }, { upsert: true });
      } catch (error) {
        // Two upserts of a new key at once: one inserts, the other hits the unique index; its update then applies.
        if (!isDuplicateKeyError(error)) throw error;
        await models.ChatDraft.updateOne(key, { $set: set });
      }
    },
    async take(org, member, conversation) {
      const doc = await models.ChatDraft.findOneAndDelete(keyOf(org, member, conversation)).lean();
      return doc ? toDraft(doc) : undefined;
    },
  };
}

function toDraft(doc: ChatDraftDoc): ChatDraft {
  return {
    id: doc.draftId,
    orgId: orgId(String(doc.orgId)),
    memberId: memberId(String(doc.memberId)),
    conversation: doc.conversation,
    kind: doc.kind as DraftKind,
    data: doc.data ?? {},
    asking: doc.asking,
    expiresAt: doc.expiresAt,
  };
}
