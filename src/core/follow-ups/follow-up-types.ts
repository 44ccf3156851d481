import type { FollowUpChannel } from '../leads/index.js';
import type { CustomerId, FollowUpId, LeadId, MemberId, OrgId } from '../shared/ids.js';

/**
 * 跟进记录: one contact with the customer, in its own collection, linked to the lead (and to the customer once the
 * lead is won). A correction never overwrites: it is a new version of the same record (`recordId`), and the versions
 * say who changed what, when.
 */
export type FollowUp = {
  readonly id: FollowUpId;
  readonly orgId: OrgId;
  /** Every version of one record shares it (the first version's id). */
  readonly recordId: FollowUpId;
  /** 1 for the record as first entered; each correction adds one. */
  readonly version: number;
  readonly leadId: LeadId;
  readonly customerId?: CustomerId;
  readonly channel: FollowUpChannel;
  /** What happened, as the rep typed it. */
  readonly content: string;
  /** The key of one of the org's outcomes (约到试用, 二次报价, 确认需求, 未接通 …): was this contact's goal reached. */
  readonly outcome?: string;
  /** The next step, as typed. */
  readonly nextStep?: string;
  readonly nextContactAt?: Date;
  readonly authorId: MemberId;
  readonly authorName: string;
  /** When the contact was recorded (a correction keeps the original's `at` and sets its own `correctedAt`). */
  readonly at: Date;
  readonly correctedAt?: Date;
  /** Who made this version's correction (the record's author stays `authorId`). */
  readonly correctedById?: MemberId;
  readonly correctedByName?: string;
  /** Set on every version but the newest: the record was corrected then. */
  readonly supersededAt?: Date;
  /** The chat event id or the API's Idempotency-Key it was recorded under: a retry finds it (unique per org). */
  readonly requestKey?: string;
};

/**
 * What a person gives to record a follow-up, however they gave it (one line in chat, a Slack modal, the API). Channel,
 * content and next contact time are required while the lead is open (see missingFollowUpFields).
 */
export type FollowUpInput = {
  readonly leadId: string;
  readonly channel?: FollowUpChannel;
  readonly content?: string;
  readonly outcome?: string;
  readonly nextStep?: string;
  readonly nextContactAt?: Date;
};

/** The fields a follow-up must have while its lead is open, in the order a guided exchange asks for them. */
export const REQUIRED_FOLLOW_UP_FIELDS = ['channel', 'content', 'nextContactAt'] as const;
export type RequiredFollowUpField = (typeof REQUIRED_FOLLOW_UP_FIELDS)[number];
