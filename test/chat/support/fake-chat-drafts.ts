import type { ChatDraft, ChatDraftStore } from '../../../src/chat/drafts/draft-types.js';

/** Drafts in memory, held to the MongoDB store by test/storage/chat-drafts.contract.test.ts. */
export function fakeChatDrafts(): ChatDraftStore & { readonly all: () => ChatDraft[] } {
  const drafts = new Map<string, ChatDraft>();
  const key = (org: string, member: string, conversation: string) => `${org}|${member}|${conversation}`;
  return {
    async save(draft) {
      drafts.set(key(draft.orgId, draft.memberId, draft.conversation), draft);
    },
    async take(org, member, conversation) {
      const k = key(org, member, conversation);
      const draft = drafts.get(k);
      drafts.delete(k);
      return draft;
    },
    all: () => [...drafts.values()],
  };
}
