import type { MemberId, OrgId } from '../../core/shared/ids.js';

/**
 * A draft: something a member started in chat that the bot is still asking about ("下次什么时候联系？"), kept so
 * their next plain message in the same conversation fills it in. Generic: each kind brings its own answerer
 * (follow-up records now; stage changes may add `stage`).
 */
export const DRAFT_KINDS = ['follow-up', 'complaint', 'task-hours', 'task-adjust', 'task-return'] as const;
export type DraftKind = (typeof DRAFT_KINDS)[number];

/** How long a question waits for its answer; answered later, the bot says the draft expired. */
export const DRAFT_TTL_MS = 30 * 60_000;

export type ChatDraft = {
  /** Stable over the whole exchange: the final write's idempotency key (`requestKey`). */
  readonly id: string;
  readonly orgId: OrgId;
  readonly memberId: MemberId;
  /** conversationOf(event): a question asked in a group is answered in that group, not in a DM. */
  readonly conversation: string;
  readonly kind: DraftKind;
  /** What was given so far, as plain JSON (times as ISO strings); its shape is its kind's. */
  readonly data: Readonly<Record<string, string>>;
  /** The field the bot asked for last. */
  readonly asking: string;
  readonly expiresAt: Date;
};

/** Where drafts are kept: one per member and conversation. */
export interface ChatDraftStore {
  /** Starts or replaces the member's draft in its conversation (a new question replaces an older one). */
  save(draft: ChatDraft): Promise<void>;
  /**
   * Takes the draft, removing it, in one atomic write: of two instances (or a platform's retry) answering the same
   * draft, one gets it. An expired draft is still returned (until purged), so its late answer can be told so.
   */
  take(orgId: OrgId, memberId: MemberId, conversation: string): Promise<ChatDraft | undefined>;
}
