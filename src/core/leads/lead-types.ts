import type { CustomerId, LeadId, MemberId, OrgId, TeamId } from '../shared/ids.js';
import type { LastFollowUp } from './follow-up-summary.js';
import type { LeadPlan } from './lead-plan.js';
import type { LeadStage } from './lead-stage.js';
import type { SkipReason, Strategy } from './routing-types.js';

export const GRADES = ['normal', 'important'] as const;
export type Grade = (typeof GRADES)[number];

/**
 * Where a lead stands. `assigned`: routing gave it an owner who has not claimed it yet; `claimed`: the owner took it;
 * `pooled`: in the public pool (公海), anyone eligible may claim it; `duplicate`: 撞单, linked to its original.
 */
export const LEAD_STATUSES = ['assigned', 'claimed', 'pooled', 'duplicate'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

export type LeadPool = 'private' | 'public';

/** The de-duplication keys of a lead: normalised phone, email and company. Only originals hold them. */
export type DedupeKeys = { readonly phone?: string; readonly email?: string; readonly company?: string };

export type AssignmentReason =
  | 'rule_matched'
  | 'default_rule'
  | 'batch_strategy'
  | 'pool_strategy'
  | 'no_eligible_member'
  | 'no_routing_rules'
  /** A manager, director or admin moved it by hand (assignLead). */
  | 'manual';

/** Why a lead went where it went: stored with the lead, shown by the API and the card's "Why me?" button. */
export type Assignment = {
  readonly ruleId: string;
  readonly ruleName: string;
  readonly strategy: Strategy;
  readonly reason: AssignmentReason;
  /** Absent only when the org has no routing rules yet: the lead waits in the org-wide pool. */
  readonly teamId?: TeamId;
  readonly ownerId?: MemberId;
  /** 1-based place of the owner in the team's rotation order. */
  readonly position?: number;
  readonly teamSize: number;
  readonly skipped: readonly { readonly memberId: MemberId; readonly why: SkipReason }[];
  readonly at: Date;
};

/**
 * Why an event happened, stored as data: a person's own words kept exactly as typed (`typed`), or a cause the system
 * names (`timeout` after so many hours, an assignment reason, …) that each reader's catalogue turns into a sentence.
 */
export type EventReason =
  | { readonly kind: 'typed'; readonly text: string }
  | { readonly kind: 'timeout'; readonly hours: number }
  | { readonly kind: 'assignment'; readonly code: AssignmentReason }
  | { readonly kind: 'duplicate'; readonly originalId: LeadId }
  | { readonly kind: 'reclaim_period'; readonly hours: number }
  /** The contact plan: a `following` lead with no follow-up for so many days; a lost lead after its cooldown. */
  | { readonly kind: 'stale'; readonly days: number }
  | { readonly kind: 'lost' }
  /** A card's button (释放, 已跟进): nobody typed anything. */
  | { readonly kind: 'card' }
  /** Its owner left the company (core/offboarding): `memberId` and `name` are the leaver's. */
  | { readonly kind: 'offboarding'; readonly memberId: MemberId; readonly name: string };

export const typedReason = (text: string): EventReason => ({ kind: 'typed', text });

export type OwnershipEventType =
  | 'assigned'
  | 'pooled'
  | 'claimed'
  | 'released'
  | 'duplicate'
  | 'followed_up'
  | 'nudged'
  | 'escalated'
  | 'reclaimed'
  | 'release_requested'
  | 'release_approved'
  | 'release_kept'
  | 'deadline_changed'
  /** Moved by hand to another member or back to the pool; `reason` is what the mover typed, as typed. */
  | 'reassigned'
  /** 客户阶段 changed: `stage` says from what, to what, and how long the lead sat in the stage before. */
  | 'stage_changed'
  /** The contact plan (core/follow-ups): the owner reminded of a next contact, the missed one sent to the manager, a snooze. */
  | 'contact_reminded'
  | 'contact_escalated'
  | 'contact_snoozed'
  /** A follow-up record was corrected and its next contact time moved: the plan follows it. */
  | 'follow_up_corrected';

/**
 * How many ownership events a lead keeps. A lead passed around for months would otherwise grow without bound (and
 * MongoDB documents stop at 16 MB); the newest events are the ones a reader acts on, and the count of the dropped
 * ones is kept (`historyDropped`) so nobody mistakes a shortened history for the whole story.
 */
export const HISTORY_LIMIT = 50;

export const FOLLOW_UP_STATUSES = ['unfollowed', 'following'] as const;
/** Whether the owner has followed the lead up since it became theirs; only `unfollowed` leads are reclaimed. */
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

/** The steps of the escalation ladder a lead climbs while unfollowed: nudge the owner, copy the manager, reclaim. */
export type LadderStep = 'nudge' | 'manager' | 'reclaim';

export type ReleaseType = 'manual' | 'timeout';
export type ApprovalState = 'auto' | 'pending' | 'approved' | 'kept';

/**
 * 线索回流记录: a lead leaving its owner. Normal leads are approved at once (`auto`); important ones wait for a
 * director (`pending`), who approves a new owner or keeps the current one.
 */
export type ReleaseRecord = {
  readonly type: ReleaseType;
  /** Who asked: the owner for a manual release; absent for a timeout (the system). */
  readonly applicantId?: MemberId;
  readonly at: Date;
  readonly grade: Grade;
  readonly reason: EventReason;
  readonly originalOwnerId: MemberId;
  readonly originalOwnerName?: string;
  readonly newOwnerId?: MemberId;
  readonly approval: ApprovalState;
  readonly decidedBy?: MemberId;
  readonly decidedAt?: Date;
};

/** A release waiting for a director: the record, and the reps they may give the lead to. */
export type PendingRelease = ReleaseRecord & {
  readonly candidates: readonly { readonly memberId: MemberId; readonly name: string }[];
};

/** One line of the lead's history: ownership changes, follow-ups, nudges and release records. */
export type OwnershipEvent = {
  readonly type: OwnershipEventType;
  readonly at: Date;
  /** Who did it; absent for the system (routing, intake). */
  readonly actorId?: MemberId;
  /** Kept with the event so a card drawn later (or again) can still say who did it. */
  readonly actorName?: string;
  readonly ownerId?: MemberId;
  readonly fromOwnerId?: MemberId;
  readonly reason?: EventReason;
  readonly release?: ReleaseRecord;
  /** The manager a step of the ladder copied. */
  readonly managerId?: MemberId;
  /** A stage change: the stage keys and the milliseconds spent in the one left. */
  readonly stage?: { readonly from: string; readonly to: string; readonly satMs: number };
};

export type LeadContact = {
  readonly name?: string;
  /** Normalised (see normalizePhone); shown masked to anyone who may not see it. */
  readonly phone?: string;
  readonly email?: string;
  readonly company?: string;
  readonly wechat?: string;
};

export type Lead = {
  readonly id: LeadId;
  readonly orgId: OrgId;
  /**
   * The short code people type (`L-1042`), unique in the org, given by the repository when the lead is stored.
   * Optional only for leads stored before codes existed until the start-up backfill reaches them.
   */
  readonly code?: string;
  readonly contact: LeadContact;
  readonly region?: string;
  readonly productLine?: string;
  readonly source: string;
  readonly campaign?: string;
  readonly intent?: string;
  readonly tags: readonly string[];
  readonly externalId?: string;
  /** Stored with its kind's prefix (`single:`, `batch:`): see idempotency.ts. */
  readonly idempotencyKey?: string;
  /** The SHA-256 of the validated input that created it (requestFingerprint): a replay must match it. */
  readonly fingerprint?: string;
  readonly score: number;
  readonly grade: Grade;
  readonly status: LeadStatus;
  readonly teamId?: TeamId;
  readonly ownerId?: MemberId;
  /** The owner's name when they got it, so cards need no extra look-up. */
  readonly ownerName?: string;
  readonly duplicateOf?: LeadId;
  /** Which keys matched the original. */
  readonly duplicateMatch?: readonly (keyof DedupeKeys)[];
  /** The owner of the original when this duplicate arrived: the one told about the 撞单. */
  readonly duplicateOwnerId?: MemberId;
  readonly keys?: DedupeKeys;
  readonly assignment?: Assignment;
  readonly assignedAt?: Date;
  readonly claimedAt?: Date;
  readonly followUpStatus?: FollowUpStatus;
  /** This lead's own reclaim period, set by an admin or director; else the org's. */
  readonly reclaimAfterHours?: number;
  readonly nudgeAt?: Date;
  readonly managerAt?: Date;
  readonly reclaimAt?: Date;
  /**
   * The current owner's first follow-up (set by the follow-up that turns the lead `following`): response time and
   * the unfollowed rate read it (core/reports). Older than `assignedAt` means it was an earlier owner's.
   */
  readonly respondedAt?: Date;
  /**
   * The lead's latest reclaim, who it was taken from, and whether it was the contact plan's (`stale`: a followed
   * lead left too long) rather than the ladder's (never followed up by the deadline). The reports count by it.
   */
  readonly lastReclaim?: { readonly at: Date; readonly fromOwnerId: MemberId; readonly stale: boolean };
  /** The next step of the ladder and when it is due; absent when nothing is due (followed up, pooled). */
  readonly dueStep?: LadderStep;
  readonly dueAt?: Date;
  /** Members who released or lost this lead, and until when they may not claim it back. */
  readonly cooldowns?: readonly { readonly memberId: MemberId; readonly until: Date }[];
  /** An important lead waiting for a director's decision. */
  readonly pendingRelease?: PendingRelease;
  /** 客户阶段; absent means the first stage (FIRST_STAGE_KEY), where every lead starts. */
  readonly stage?: LeadStage;
  /** The contact plan: next contact, reminders, the stale-lead reclaim (see lead-plan.ts). */
  readonly plan?: LeadPlan;
  /** The newest follow-up record, summarised (see follow-up-summary.ts). */
  readonly lastFollowUp?: LastFollowUp;
  /** The customer this lead became when it was won. */
  readonly customerId?: CustomerId;
  /** The latest HISTORY_LIMIT events, oldest first. */
  readonly history: readonly OwnershipEvent[];
  /** How many older events were dropped to keep `history` bounded (absent: none); shown wherever history is. */
  readonly historyDropped?: number;
  /** Bumped by every state change; notices are keyed by it, so re-publishing one version changes nothing. */
  readonly version: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
};

export const poolOf = (lead: Pick<Lead, 'status'>): LeadPool | null =>
  lead.status === 'pooled' ? 'public' : lead.status === 'duplicate' ? null : 'private';
