import type { Level } from '../org/index.js';
import type { LeadId, MemberId, OrgId, TeamId } from '../shared/ids.js';
import type { DedupeKeys, Lead, LeadStatus, OwnershipEvent } from './lead-types.js';

// Every query takes the orgId: a repository cannot be asked for another tenant's data by accident.

/** What an intake needs to know before it routes: a replay of an earlier request, or the original of a 撞单. */
export type ExistingMatch = { readonly replay?: Lead; readonly original?: Lead };

/** A lead to store; the repository gives it its code (one counter `$inc` per insert, one per batch). */
export type NewLead = Omit<Lead, 'id' | 'historyDropped' | 'code'> & { readonly id?: LeadId };

/** Why an insert was refused by a unique index: a replayed request, or a customer another intake just stored. */
export type InsertConflict = 'replay' | 'duplicate';

export type LeadQuery = {
  readonly ownerId?: MemberId;
  readonly teamId?: TeamId;
  /** Any of these teams (a manager's teams: their own and the ones they manage). */
  readonly teamIds?: readonly TeamId[];
  readonly pool?: 'public' | 'private';
  readonly status?: LeadStatus;
  readonly source?: string;
  /** Exactly this campaign (bulk assignment by filter: "the pool of 华东销售组 from 双十二"). */
  readonly campaign?: string;
  readonly from?: Date;
  readonly to?: Date;
  /** Paging by id: leads older than this one (newest first). */
  readonly before?: LeadId;
  readonly limit: number;
};

/**
 * The statuses a query allows: its `status`, narrowed by its `pool` (public = pooled, private = owned). Part of
 * the port, so every implementation reads `pool` the same way.
 */
export function statusesOfQuery(q: Pick<LeadQuery, 'pool' | 'status'>): LeadStatus[] | undefined {
  const inPool: Record<'public' | 'private', LeadStatus[]> = {
    public: ['pooled'],
    private: ['assigned', 'claimed'],
  };
  const allowed = q.pool ? inPool[q.pool] : undefined;
  if (!q.status) return allowed;
  return !allowed || allowed.includes(q.status) ? [q.status] : [];
}

/**
 * When a conditional write applies: the lead is still at the version the use-case read (optimistic concurrency),
 * or, for the claim race, it can still be claimed by this member (it is pooled, or assigned to them). The second
 * form lets any number of simultaneous claims race on one write without reading a version first.
 */
export type LeadCondition = { readonly version: number } | { readonly claimableBy: MemberId };

/**
 * A change to one lead, as core built it: fields to set and unset, and the one history event it appends (the
 * repository keeps only the newest HISTORY_LIMIT events and counts the rest). `set.cooldowns` is the whole new list,
 * computed by core from the lead it read (expired ones left out); it is only ever sent with a `version` condition,
 * so no cooldown written meanwhile can be lost.
 */
export type LeadChange = {
  readonly set?: Partial<
    Pick<
      Lead,
      | 'status'
      | 'ownerId'
      | 'ownerName'
      | 'teamId'
      | 'assignedAt'
      | 'claimedAt'
      | 'followUpStatus'
      | 'reclaimAfterHours'
      | 'nudgeAt'
      | 'managerAt'
      | 'reclaimAt'
      | 'respondedAt'
      | 'lastReclaim'
      | 'dueStep'
      | 'dueAt'
      | 'pendingRelease'
      | 'assignment'
      | 'cooldowns'
      | 'stage'
      | 'plan'
      | 'lastFollowUp'
      | 'customerId'
    >
  >;
  readonly unset?: readonly (keyof Lead)[];
  readonly event: OwnershipEvent;
};

export interface LeadRepository {
  /** A fresh id, so a batch can link in-batch duplicates to originals before anything is stored. */
  newId(): LeadId;
  get(orgId: OrgId, id: LeadId): Promise<Lead | undefined>;
  /** The org's lead with this short code (canonical form, `L-1042`): one query on the unique (orgId, code) index. */
  findByCode(orgId: OrgId, code: string): Promise<Lead | undefined>;
  /** One query: a lead with the same idempotency key or source+externalId, or the oldest original sharing a key. */
  findExisting(
    orgId: OrgId,
    keys: DedupeKeys,
    replay: { idempotencyKey?: string; source: string; externalId?: string },
  ): Promise<ExistingMatch>;
  /** Many leads' look-up in one query (batches): every original holding one of these keys, and every replay. */
  findExistingMany(
    orgId: OrgId,
    keys: readonly DedupeKeys[],
    replays: readonly { idempotencyKey?: string; source: string; externalId?: string }[],
  ): Promise<Lead[]>;
  /** Inserts; a unique-index refusal is reported, not thrown. */
  insert(lead: NewLead): Promise<{ lead: Lead } | { conflict: InsertConflict }>;
  /** Inserts many unordered in one command; per position, the stored lead or why it was refused. */
  insertMany(leads: readonly NewLead[]): Promise<({ lead: Lead } | { conflict: InsertConflict })[]>;
  list(orgId: OrgId, query: LeadQuery): Promise<Lead[]>;
  /** How many leads `list` would page through for the query, all pages together (`limit` and `before` ignored). */
  count(orgId: OrgId, query: Omit<LeadQuery, 'limit' | 'before'>): Promise<number>;
  /**
   * The one write that changes a lead: applies the change core built if the condition still holds, atomically
   * (bumping the version and appending the change's event, the history cut to its newest HISTORY_LIMIT events and
   * the cut ones counted in the same write); returns the lead after it, else undefined.
   */
  updateIf(orgId: OrgId, id: LeadId, condition: LeadCondition, change: LeadChange): Promise<Lead | undefined>;
  /** Leads whose ladder step is due, oldest first, across orgs (the deadline job); uses the `dueAt` index. */
  findDue(now: Date, limit: number): Promise<Lead[]>;
  /** Leads whose contact-plan step is due (`plan.dueAt`), oldest first, across orgs (the plan job); indexed. */
  findPlanDue(now: Date, limit: number): Promise<Lead[]>;
}

/** A team member's routing state as stored: the rotation pass, today's assignments and the open leads they hold. */
export type RosterMember = {
  readonly memberId: MemberId;
  readonly name: string;
  readonly teamId: TeamId;
  readonly level: Level;
  readonly roles: readonly string[];
  readonly active: boolean;
  readonly onLeave: boolean;
  readonly dailyCap?: number;
  readonly poolCapacity?: number;
  readonly pass: number;
  /** The org-local day `assignedToday` counts (YYYY-MM-DD); another day means 0 today. */
  readonly day?: string;
  readonly assignedToday: number;
  readonly openLeads: number;
};

export type TakeTurn = {
  readonly memberId: MemberId;
  /** The pass read in the snapshot: the write succeeds only if nobody changed it since. */
  readonly expectedPass: number;
  readonly nextPass: number;
  readonly day: string;
  /** The read showed another day's count: this turn starts today's count instead of adding to it. */
  readonly newDay: boolean;
  /** Assignments today after this one. */
  readonly assignedToday: number;
  readonly dailyCap: number;
  readonly poolCapacity: number;
  /** How many leads this turn gives at once (a batch may give one member several). */
  readonly count: number;
};

export interface RosterRepository {
  /** The team's members in rotation order (stable: by member id), with their routing state: one query. */
  load(orgId: OrgId, teamId: TeamId): Promise<RosterMember[]>;
  /** Every team's roster at once (batches). */
  loadAll(orgId: OrgId): Promise<RosterMember[]>;
  /** One conditional write: takes the member's turn unless the pass moved, the cap or the capacity is reached. */
  takeTurn(orgId: OrgId, turn: TakeTurn): Promise<boolean>;
  /** Many turns in one bulk write; returns which succeeded, by position. */
  takeTurns(orgId: OrgId, turns: readonly TakeTurn[]): Promise<boolean[]>;
  /** Undoes a turn whose lead was not stored after all (a race lost at insert time). */
  undoTurn(orgId: OrgId, turn: TakeTurn): Promise<void>;
  /**
   * Counts a lead claimed from the public pool into the member's private pool and today's pool claims, unless the
   * pool is full or the daily claim limit reached: one conditional write (two on a member's first claim of a day).
   */
  reservePoolSlot(
    orgId: OrgId,
    memberId: MemberId,
    limits: PoolClaimLimits,
  ): Promise<'ok' | 'capacity' | 'daily_limit'>;
  /** Gives back a reservation whose claim was lost. */
  unreservePoolSlot(orgId: OrgId, memberId: MemberId, day: string): Promise<void>;
  /** Frees a private-pool slot (release, reclaim). */
  freePoolSlot(orgId: OrgId, memberId: MemberId): Promise<void>;
  /** Frees one slot per entry (a member may appear more than once), in one bulk write. */
  freePoolSlots(orgId: OrgId, memberIds: readonly MemberId[]): Promise<void>;
  /** Counts a lead into a private pool without limits (a director's decision overrides them). */
  addToPool(orgId: OrgId, memberId: MemberId): Promise<void>;
}

export type PoolClaimLimits = { readonly capacity: number; readonly day: string; readonly perDay: number };

/** Recent conversion per member, for `weighted` rules that ask for it. */
export interface ConversionStats {
  conversionWeights(orgId: OrgId, teamId: TeamId, since: Date): Promise<ReadonlyMap<MemberId, number>>;
}
