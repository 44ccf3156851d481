import type { LeadCardData, LeadDuplicateData, LeadReminderData } from '../leads/lead-notices.js';
import type { LinkRequestData } from '../org/link-identity.js';
import type { LeadApprovalData, LeadDecisionData } from '../pools/approval-notices.js';
import type { MemberId, OrgId, TeamId } from './ids.js';

/**
 * What a use-case wants people to be told, in domain terms. The chat layer renders each kind into a card in the
 * reader's language and delivers it through the outbox; core never sees a platform or a card.
 */
export type NoticeRecipient =
  | { readonly kind: 'member'; readonly memberId: MemberId }
  | { readonly kind: 'team'; readonly teamId: TeamId }
  | { readonly kind: 'thread'; readonly teamId: TeamId; readonly threadKey: string };

export type MemberStatusData = {
  readonly memberId: MemberId;
  readonly name: string;
  readonly teamName?: string;
  readonly level: 'junior' | 'senior';
  readonly dailyCap: number;
  readonly availability: 'available' | 'on_leave';
  readonly changedBy?: string;
  /** The first card a member gets also says hello and explains what the bot does. */
  readonly greeting?: boolean;
};

/** Every notice kind with the data its card needs. A new kind without a renderer fails to compile. */
export type NoticeDataByKind = {
  'member.status': MemberStatusData;
  'lead.card': LeadCardData;
  'lead.duplicate': LeadDuplicateData;
  'lead.reminder': LeadReminderData;
  'lead.approval': LeadApprovalData;
  'lead.decision': LeadDecisionData;
  'member.link_request': LinkRequestData;
};
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
  };
}[K];

export interface Notifier {
  publish(orgId: OrgId, notices: readonly Notice[]): Promise<void>;
}
