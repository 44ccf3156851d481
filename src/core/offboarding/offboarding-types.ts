import type { Grade } from '../leads/index.js';
import type { MemberId } from '../shared/ids.js';

/** Where a leaver's open leads go: a named member (by id), or back to each lead's team public pool (公海). */
export type LeadsTo = { readonly kind: 'member'; readonly memberId: MemberId } | { readonly kind: 'pool' };

/**
 * The offboarding of one member as stored on their member document: who started it, where the leads go, and a
 * lease so exactly one run works at a time. A run that died leaves `finishedAt` absent; once the lease has passed,
 * the next call resumes it with the stored `leadsTo` (the decision already taken), not a new one.
 */
export type OffboardingRun = {
  readonly byId?: MemberId;
  readonly byName?: string;
  readonly leadsTo: LeadsTo;
  readonly startedAt: Date;
  readonly leaseUntil: Date;
  readonly finishedAt?: Date;
};

/** What one call did (a resumed call counts only what it moved itself, plus the totals found by query). */
export type OffboardingResult = {
  readonly memberId: MemberId;
  readonly name: string;
  readonly leftAt: Date;
  /** A run that died in the middle was picked up and finished by this call. */
  readonly resumed: boolean;
  readonly leadsTo: LeadsTo & { readonly name?: string };
  readonly leadsMoved: number;
  readonly tasksMoved: number;
  /** Open tasks nobody could take (the org has no active after-sales manager): still the leaver's, listed for the admin. */
  readonly tasksLeft: number;
  readonly tasksTo?: { readonly memberId: MemberId; readonly name: string };
  readonly tokensRevoked: number;
  readonly identitiesUnlinked: number;
};

/** One line of the hand-over card: what matters first (important leads before normal ones). */
export type HandedOverLead = {
  readonly code?: string;
  readonly name?: string;
  readonly company?: string;
  readonly grade: Grade;
};

export type HandedOverTask = { readonly code: string; readonly customerName: string };

/** The one card a receiver gets for the whole hand-over (never one per lead). */
export type HandOverNoticeData = {
  readonly leaverName: string;
  readonly leadCount: number;
  readonly leads: readonly HandedOverLead[];
  readonly taskCount: number;
  readonly tasks: readonly HandedOverTask[];
  /** The team's public pool received them (the card goes to the team channel). */
  readonly toPool: boolean;
};

declare module '../shared/notices.js' {
  interface NoticeDataByKind {
    'member.handed_over': HandOverNoticeData;
  }
}
