import type { TaskRepository } from '../after-sales/index.js';
import type { AuditLog } from '../audit/index.js';
import type { Lead, LeadChange } from '../leads/index.js';
import type { MemberRepository, PlatformIdentity, TeamRepository } from '../org/index.js';
import type { Clock } from '../shared/clock.js';
import type { MemberId, OrgId, TeamId } from '../shared/ids.js';
import type { Notifier } from '../shared/notices.js';
import type { HandedOverLead, LeadsTo, OffboardingRun } from './offboarding-types.js';

/** How `begin` went: this call runs it (fresh, or resuming a dead run), or why it may not. */
export type BeginOutcome =
  | { readonly started: 'fresh' | 'resumed'; readonly run: OffboardingRun }
  | { readonly refused: 'done' | 'held'; readonly run?: OffboardingRun; readonly leftAt?: Date }
  | { readonly refused: 'not_found' };

/** One lead's move in a bulk write: applied only if the lead is still at the version read. */
export type LeadMove = { readonly lead: Lead; readonly change: LeadChange };

/** The leads a hand-over gave one receiver, found again by the history's offboarding reason (so a resumed run counts all). */
export type HandedOverSummary = { readonly count: number; readonly first: readonly HandedOverLead[] };

// Every query takes the orgId. The member document holds the run (lease, decision, time), so one conditional write
// decides who runs it; the leads are found by "still owned by the leaver", so a rerun picks up what is left.
export interface OffboardingStore {
  /**
   * One conditional write: an active member becomes inactive (`leftAt`), their chat identities move to
   * `formerIdentities` (kept for history, no longer matched) and the run is stored; or, for a run whose lease has
   * passed unfinished, the lease is taken over. Anything else is refused, with the run that holds it.
   */
  begin(
    orgId: OrgId,
    memberId: MemberId,
    run: OffboardingRun,
    identities: readonly PlatformIdentity[],
  ): Promise<BeginOutcome>;
  /** Extends the lease of the run this call holds (after each batch). */
  renew(orgId: OrgId, memberId: MemberId, leaseUntil: Date): Promise<void>;
  /** Marks the run finished and the leaver's private-pool counter empty. */
  finish(orgId: OrgId, memberId: MemberId, at: Date): Promise<void>;
  /** The leaver's open leads (assigned or claimed, owned by them), oldest first: one query. */
  openLeadsOf(orgId: OrgId, memberId: MemberId, limit: number): Promise<Lead[]>;
  /** How many open leads the leaver owns (the confirmation card's figure). */
  countOpenLeads(orgId: OrgId, memberId: MemberId): Promise<number>;
  /** Many leads' moves in one bulk write, each conditional on its version; how many applied. */
  moveLeads(orgId: OrgId, moves: readonly LeadMove[]): Promise<number>;
  /** Counts `n` leads into a member's private pool (no limit: see offboardMember's decision on capacity). */
  addOpenLeads(orgId: OrgId, memberId: MemberId, n: number): Promise<void>;
  /** The leads this leaver handed to `to` (a member, or the pool of one team), important first. */
  handedOver(
    orgId: OrgId,
    leaverId: MemberId,
    to: { readonly memberId: MemberId } | { readonly poolOfTeam: TeamId },
    limit: number,
  ): Promise<HandedOverSummary>;
  /** Revokes every unrevoked API token whose `memberId` is the leaver's; how many. */
  revokeMemberTokens(orgId: OrgId, memberId: MemberId, at: Date): Promise<number>;
}

export type OffboardDeps = {
  readonly offboarding: OffboardingStore;
  readonly members: MemberRepository;
  readonly teams: TeamRepository;
  readonly tasks: Pick<TaskRepository, 'list' | 'updateIf'>;
  readonly notifier: Notifier;
  readonly clock: Clock;
  /** The audit trail (core/audit): `member.leave` once per offboarding; absent where nothing is wired. */
  readonly audit?: AuditLog;
};

export type { LeadsTo };
