import {
  DUE_LISTS,
  type DueGroup,
  type DueGroups,
  type DueLeadsReader,
  type DueList,
  type DueQuery,
  dueListsOf,
  dueSortAt,
} from '../../src/core/follow-ups/index.js';
import { leadCodeOf } from '../../src/core/leads/lead-code.js';
import { type DedupeKeys, HISTORY_LIMIT, type Lead } from '../../src/core/leads/lead-types.js';
import {
  type ExistingMatch,
  type InsertConflict,
  type LeadChange,
  type LeadCondition,
  type LeadQuery,
  type LeadRepository,
  type NewLead,
  statusesOfQuery,
} from '../../src/core/leads/ports.js';
import type { LeadNoticeSweep } from '../../src/core/leads/sweep-lead-notices.js';
import { type LeadId, leadId, type OrgId } from '../../src/core/shared/ids.js';

type Replay = { idempotencyKey?: string; source: string; externalId?: string };
const DEDUPE = ['phone', 'email', 'company'] as const;

/**
 * Leads in memory, with the semantics the contract test (test/storage/repositories.contract.test.ts) holds the
 * mongo repository to: the unique indexes (dedupe keys, idempotency key, source + externalId) refuse inserts, and
 * `updateIf` checks its condition and writes in one synchronous step after a turn of the event loop, so concurrent
 * callers really interleave (they read, then race) and exactly one of them can win a condition.
 */
export class FakeLeadRepository implements LeadRepository, LeadNoticeSweep, DueLeadsReader {
  private readonly leads = new Map<string, Lead>();
  /** Leads whose notices may not have been published: every insert and write marks them, as in mongo. */
  private readonly noticesPending = new Set<string>();
  private next = 1;
  /** Per-org lead code counters, as the mongo `counters` collection keeps them. */
  private readonly codeCounters = new Map<string, number>();
  /** Every successful conditional write, so a test can count what a use-case wrote. */
  readonly writes: { id: LeadId; change: LeadChange }[] = [];

  newId(): LeadId {
    // Hex ids in creation order, like ObjectIds: paging by id (`before`) and "oldest first" behave the same.
    return leadId((this.next++).toString(16).padStart(24, '0'));
  }

  /** Every lead of every org (test assertions only). */
  all(): Lead[] {
    return [...this.leads.values()];
  }

  async get(org: OrgId, id: LeadId) {
    await turn();
    const lead = this.leads.get(id);
    return lead?.orgId === org ? lead : undefined;
  }

  async findByCode(org: OrgId, code: string) {
    await turn();
    return this.sorted(org).find((l) => l.code === code);
  }

  async findExisting(org: OrgId, keys: DedupeKeys, replay: Replay): Promise<ExistingMatch> {
    const found = await this.findExistingMany(org, [keys], [replay]);
    const hit = found.find((l) => isReplayOf(l, replay));
    const original = found.find((l) => l.keys !== undefined && l !== hit && sharesKey(l.keys, keys));
    return { ...(hit ? { replay: hit } : {}), ...(original ? { original } : {}) };
  }

  async findExistingMany(org: OrgId, keys: readonly DedupeKeys[], replays: readonly Replay[]) {
    await turn();
    return this.sorted(org).filter(
      (l) => replays.some((r) => isReplayOf(l, r)) || keys.some((k) => l.keys && sharesKey(l.keys, k)),
    );
  }

  async insert(lead: NewLead): Promise<{ lead: Lead } | { conflict: InsertConflict }> {
    await turn();
    return this.insertNow(lead);
  }

  async insertMany(leads: readonly NewLead[]) {
    await turn();
    return leads.map((lead) => this.insertNow(lead));
  }

  async list(org: OrgId, q: LeadQuery) {
    await turn();
    return this.matching(org, q)
      .filter((l) => !q.before || l.id < q.before)
      .slice(0, q.limit);
  }

  async count(org: OrgId, q: Omit<LeadQuery, 'limit' | 'before'>) {
    await turn();
    return this.matching(org, q).length;
  }

  private matching(org: OrgId, q: Omit<LeadQuery, 'limit' | 'before'>): Lead[] {
    const statuses = statusesOfQuery(q);
    return this.sorted(org)
      .reverse()
      .filter(
        (l) =>
          (!q.ownerId || l.ownerId === q.ownerId) &&
          (!q.teamId || l.teamId === q.teamId) &&
          (!q.teamIds ||
            q.teamId !== undefined ||
            (l.teamId !== undefined && q.teamIds.includes(l.teamId))) &&
          (!statuses || statuses.includes(l.status)) &&
          (!q.source || l.source === q.source) &&
          (!q.campaign || l.campaign === q.campaign) &&
          (!q.from || l.createdAt.getTime() >= q.from.getTime()) &&
          (!q.to || l.createdAt.getTime() < q.to.getTime()),
      );
  }

  async updateIf(org: OrgId, id: LeadId, condition: LeadCondition, change: LeadChange) {
    await turn();
    // From here on nothing awaits: the check and the write are one step, as one findOneAndUpdate is.
    const lead = this.leads.get(id);
    if (!lead || lead.orgId !== org || !holds(lead, condition)) return undefined;
    const updated = applyChange(lead, change);
    this.leads.set(id, updated);
    this.noticesPending.add(id);
    this.writes.push({ id, change });
    return updated;
  }

  async findDue(now: Date, limit: number) {
    await turn();
    return [...this.leads.values()]
      .filter((l) => l.dueAt !== undefined && l.dueAt.getTime() <= now.getTime())
      .sort((a, b) => a.dueAt!.getTime() - b.dueAt!.getTime())
      .slice(0, limit);
  }

  async findPlanDue(now: Date, limit: number) {
    await turn();
    const dueAt = (l: Lead) => l.plan?.dueAt?.getTime();
    return [...this.leads.values()]
      .filter((l) => dueAt(l) !== undefined && dueAt(l)! <= now.getTime())
      .sort((a, b) => dueAt(a)! - dueAt(b)!)
      .slice(0, limit);
  }

  /** The due lists by core's own predicate (dueListsOf), grouped and ordered as the mongo aggregation does. */
  async findDueLists(org: OrgId, q: DueQuery): Promise<DueGroups> {
    await turn();
    const leads = this.sorted(org);
    const groups = (list: DueList, by: 'ownerId' | 'teamId'): DueGroup[] => {
      const inList = leads
        .filter((l) => dueListsOf(l, q).includes(list) && l[by] !== undefined)
        .sort((a, b) => dueSortAt(a, list) - dueSortAt(b, list) || a.id.localeCompare(b.id));
      const ids = [...new Set(inList.map((l) => l[by] as string))];
      return ids.map((id) => {
        const of = inList.filter((l) => l[by] === id);
        return { id, count: of.length, leads: of.slice(0, q.top).map((l) => ({ ...l, history: [] })) };
      });
    };
    return Object.fromEntries(
      DUE_LISTS.map((list) => [list, { byOwner: groups(list, 'ownerId'), byTeam: groups(list, 'teamId') }]),
    ) as unknown as DueGroups;
  }

  async pending(writtenBefore: Date, limit: number) {
    await turn();
    return [...this.noticesPending]
      .map((id) => this.leads.get(id)!)
      .filter((l) => l.updatedAt.getTime() <= writtenBefore.getTime())
      .sort((a, b) => a.updatedAt.getTime() - b.updatedAt.getTime())
      .slice(0, limit);
  }

  async settle(leads: readonly { orgId: OrgId; id: LeadId; version: number }[]) {
    await turn();
    for (const l of leads) {
      const stored = this.leads.get(l.id);
      if (stored?.orgId === l.orgId && stored.version === l.version) this.noticesPending.delete(l.id);
    }
  }

  private insertNow(input: NewLead): { lead: Lead } | { conflict: InsertConflict } {
    // As mongo stores it: the newest HISTORY_LIMIT events, the rest counted.
    const dropped = Math.max(0, input.history.length - HISTORY_LIMIT);
    const lead = {
      ...input,
      id: input.id ?? this.newId(),
      code: this.nextCode(input.orgId),
      history: input.history.slice(-HISTORY_LIMIT),
      ...(dropped > 0 ? { historyDropped: dropped } : {}),
    } as Lead;
    const conflict = this.conflictOf(lead);
    if (conflict) return { conflict };
    this.leads.set(lead.id, lead);
    this.noticesPending.add(lead.id);
    return { lead };
  }

  private nextCode(org: OrgId): string {
    const n = (this.codeCounters.get(org) ?? 0) + 1;
    this.codeCounters.set(org, n);
    return leadCodeOf(n);
  }

  /** The unique indexes, checked in the order mongo reports them: replays first, then dedupe keys. */
  private conflictOf(lead: Lead): InsertConflict | undefined {
    const same = this.sorted(lead.orgId);
    if (same.some((l) => l.id === lead.id)) throw new Error(`duplicate _id ${lead.id}`);
    const replay = same.some(
      (l) =>
        (lead.idempotencyKey !== undefined && l.idempotencyKey === lead.idempotencyKey) ||
        (lead.externalId !== undefined && l.source === lead.source && l.externalId === lead.externalId),
    );
    if (replay) return 'replay';
    if (lead.keys && same.some((l) => l.keys && sharesKey(l.keys, lead.keys!))) return 'duplicate';
    return undefined;
  }

  private sorted(org: OrgId): Lead[] {
    return [...this.leads.values()].filter((l) => l.orgId === org).sort((a, b) => (a.id < b.id ? -1 : 1));
  }
}

/** One turn of the event loop, where a database round trip would let other callers run. */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

function holds(lead: Lead, condition: LeadCondition): boolean {
  if ('version' in condition) return lead.version === condition.version;
  return lead.status === 'pooled' || (lead.status === 'assigned' && lead.ownerId === condition.claimableBy);
}

/**
 * What `changeToUpdate` does in mongo: set, unset, bump the version, append the event, keeping the newest
 * HISTORY_LIMIT events and counting the dropped ones.
 */
function applyChange(lead: Lead, change: LeadChange): Lead {
  const next: Record<string, unknown> = { ...lead };
  for (const [key, value] of Object.entries(change.set ?? {})) if (value !== undefined) next[key] = value;
  for (const key of change.unset ?? []) delete next[key];
  const history = [...lead.history, change.event];
  const dropped = (lead.historyDropped ?? 0) + Math.max(0, history.length - HISTORY_LIMIT);
  return {
    ...(next as Lead),
    version: lead.version + 1,
    updatedAt: change.event.at,
    history: history.slice(-HISTORY_LIMIT),
    ...(dropped > 0 ? { historyDropped: dropped } : {}),
  };
}

const isReplayOf = (lead: Lead, r: Replay) =>
  (r.idempotencyKey !== undefined && lead.idempotencyKey === r.idempotencyKey) ||
  (r.externalId !== undefined && lead.source === r.source && lead.externalId === r.externalId);

const sharesKey = (a: DedupeKeys, b: DedupeKeys) => DEDUPE.some((k) => a[k] !== undefined && a[k] === b[k]);
