import type { MemberId, OrgId, TeamId } from './ids.js';

/**
 * What a use-case wants people to be told, in domain terms. The chat layer renders each kind into a card in the
 * reader's language and delivers it through the outbox; core never sees a platform or a card.
 */
export type NoticeRecipient =
  | { readonly kind: 'member'; readonly memberId: MemberId }
  | { readonly kind: 'team'; readonly teamId: TeamId }
  | { readonly kind: 'thread'; readonly teamId: TeamId; readonly threadKey: string }
  /**
   * Every director of the org, each in their own DM. The notifier stores one entry per director when it publishes
   * (so each copy is paced, retried and updated like any other); delivery never sees this kind.
   */
  | { readonly kind: 'directors' };

/**
 * Every notice kind with the data its card needs, open so that each domain registers its own kinds beside it
 * (`declare module '../shared/notices.js' { interface NoticeDataByKind { 'lead.card': LeadCardData } }`) and
 * shared names no domain. The chat layer's renderer table is keyed by it: a kind without a renderer fails to
 * compile.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by each domain's declaration merging.
export interface NoticeDataByKind {}
export type NoticeKind = keyof NoticeDataByKind;

export type Notice<K extends NoticeKind = NoticeKind> = {
  readonly [P in K]: {
    readonly kind: P;
    readonly data: NoticeDataByKind[P];
    readonly to: NoticeRecipient;
    /**
     * Names "the card about X" across every place it was shown; `update` notices with the same key change those
     * messages in place instead of posting new ones.
     */
    readonly cardKey?: string;
    readonly mode: 'post' | 'update';
    /** Makes publishing idempotent: a second notice with the same key is dropped. */
    readonly idempotencyKey: string;
    /**
     * The version of what a card notice shows (a lead's `version`): queued copies of the card take only newer
     * content, so an old notice published again changes nothing, and the outbox can apply it in one write.
     */
    readonly seq?: number;
  };
}[K];

export interface Notifier {
  publish(orgId: OrgId, notices: readonly Notice[]): Promise<void>;
}
