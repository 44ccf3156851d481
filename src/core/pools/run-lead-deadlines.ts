import type {
  EventReason,
  Lead,
  LeadChange,
  LeadRepository,
  OwnershipEvent,
  ReleaseRecord,
} from '../leads/index.js';
import { importantRule, leadNotices, matchRule, type RouteDeps, routeLead } from '../leads/index.js';
import type { Org, OrgRepository, TeamRepository } from '../org/index.js';
import type { Clock } from '../shared/clock.js';
import type { MemberId, OrgId, TeamId } from '../shared/ids.js';
import type { Notice, Notifier } from '../shared/notices.js';
import { nextRung } from './ladder.js';
import { handOverChange, pendingChange, releaseCandidates, toPoolChange } from './release-moves.js';

export type DeadlineDeps = RouteDeps & {
  readonly leads: LeadRepository;
  readonly orgs: OrgRepository;
  readonly teams: TeamRepository;
  readonly notifier: Notifier;
  readonly clock: Clock;
};

const BATCH = 200;

/**
 * The deadline job. Each owned, unfollowed lead stores its next ladder step and when it is due (`dueStep`,
 * `dueAt`, indexed), so a run reads only what is due — its cost follows the number due, not the number open — and
 * needs no job per lead. Each step is one conditional write on the version read: a second runner, or this one run
 * again after a crash, finds the step already taken (the write fails, nothing is sent twice) and moves on. A lead
 * whose write succeeded but whose notice was lost in a crash is published by the notice sweep.
 */
export async function runLeadDeadlines(deps: DeadlineDeps): Promise<number> {
  const now = deps.clock.now();
  const tried = new Set<string>();
  const context = sweepContext(deps);
  let done = 0;
  for (;;) {
    // A step just taken may make the next one due at once (the clock jumped): it comes back at its new version.
    const due = (await deps.leads.findDue(now, BATCH)).filter((l) => !tried.has(`${l.id}:${l.version}`));
    if (due.length === 0) return done;
    // Each step is its own conditional write; what follows them (notices, freed private-pool slots) is written once
    // per batch and org, so a run costs about one command per step. A crash before that is covered: the notice
    // sweep republishes marked leads, and a slot not freed only makes the pool look fuller until the next release.
    const notices = new Map<OrgId, Notice[]>();
    const freed = new Map<OrgId, MemberId[]>();
    for (const lead of due) {
      tried.add(`${lead.id}:${lead.version}`);
      const step = await takeStep(deps, context, lead, now);
      if (!step) continue;
      done++;
      const org = step.lead.orgId;
      notices.set(org, (notices.get(org) ?? []).concat(leadNotices(step.lead)));
      if (step.freed) freed.set(org, (freed.get(org) ?? []).concat(step.freed));
    }
    for (const [orgId, list] of notices) await deps.notifier.publish(orgId, list);
    for (const [orgId, members] of freed) await deps.roster.freePoolSlots(orgId, members);
  }
}

/** A step taken: the lead after it, and whose private-pool slot it freed. */
export type Step = { readonly lead: Lead; readonly freed?: MemberId };

/** What a sweep reads of orgs and teams, each once per run however many of its leads are due. */
export type StepContext = {
  readonly org: (id: OrgId) => Promise<Org | undefined>;
  readonly managerOf: (org: OrgId, team: TeamId) => Promise<MemberId | undefined>;
};

/** The org and team look-ups of one sweep run, cached for the run (the deadline job's and the contact plan's). */
export function sweepContext(deps: Pick<DeadlineDeps, 'orgs' | 'teams'>): StepContext {
  const cache = new Map<string, Promise<unknown>>();
  const once = <T>(key: string, load: () => Promise<T>) => {
    if (!cache.has(key)) cache.set(key, load());
    return cache.get(key) as Promise<T>;
  };
  return {
    org: (id) => once(`org:${id}`, () => deps.orgs.get(id)),
    managerOf: (org, team) => once(`team:${team}`, async () => (await deps.teams.get(org, team))?.managerId),
  };
}

async function takeStep(
  deps: DeadlineDeps,
  ctx: StepContext,
  lead: Lead,
  now: Date,
): Promise<Step | undefined> {
  const org = await ctx.org(lead.orgId);
  if (!org || !lead.ownerId || !lead.dueStep || lead.followUpStatus !== 'unfollowed') return undefined;
  const ladder = {
    nudgeAt: lead.nudgeAt ?? now,
    managerAt: lead.managerAt ?? now,
    reclaimAt: lead.reclaimAt ?? now,
  };
  const next = nextRung(ladder, lead.dueStep);
  if (lead.dueStep !== 'reclaim' && next) {
    // Nudge the owner, or copy their manager in: either way the ladder moves one rung, in one conditional write.
    const managerId =
      lead.dueStep === 'manager' && lead.teamId ? await ctx.managerOf(org.id, lead.teamId) : undefined;
    const event: OwnershipEvent =
      lead.dueStep === 'nudge'
        ? { type: 'nudged', at: now, ownerId: lead.ownerId }
        : { type: 'escalated', at: now, ownerId: lead.ownerId, ...(managerId ? { managerId } : {}) };
    const updated = await deps.leads.updateIf(
      org.id,
      lead.id,
      { version: lead.version },
      { set: next, event },
    );
    return updated ? { lead: updated } : undefined;
  }
  return reclaimOwnedLead(deps, org, lead, now);
}

/**
 * The deadline passed unfollowed: a normal lead leaves its owner; an important one goes to the director. Also the
 * contact plan's stale reclaim and lost-lead release (core/follow-ups), with their own reason and fields to drop.
 */
export async function reclaimOwnedLead(
  deps: DeadlineDeps,
  org: Org,
  lead: Lead,
  now: Date,
  why?: { readonly reason: EventReason; readonly unset?: readonly (keyof Lead)[] },
): Promise<Step | undefined> {
  const ownerId = lead.ownerId!;
  const record: ReleaseRecord = {
    type: 'timeout',
    at: now,
    grade: lead.grade,
    reason: why?.reason ?? {
      kind: 'timeout',
      hours: lead.reclaimAfterHours ?? org.settings.reclaimAfterHours,
    },
    originalOwnerId: ownerId,
    ...(lead.ownerName ? { originalOwnerName: lead.ownerName } : {}),
    approval: lead.grade === 'important' ? 'pending' : 'auto',
  };
  if (lead.grade === 'important' && lead.teamId) {
    const roster = await deps.roster.load(org.id, lead.teamId);
    const pending = await deps.leads.updateIf(
      org.id,
      lead.id,
      { version: lead.version },
      withUnset(pendingChange({ ...record, candidates: releaseCandidates(roster, ownerId) }), why?.unset),
    );
    return pending ? { lead: pending } : undefined;
  }
  const change = await reclaimTarget(deps, org, lead, { ...record, approval: 'auto' }, now);
  const updated = await deps.leads.updateIf(
    org.id,
    lead.id,
    { version: lead.version },
    withUnset(
      withReclaim(change.change, { at: now, fromOwnerId: ownerId, stale: why !== undefined }),
      why?.unset,
    ),
  );
  if (!updated) {
    if (change.undo) await deps.roster.undoTurn(org.id, change.undo);
    return undefined;
  }
  return { lead: updated, freed: ownerId };
}

// The reports count reclaims per rep by it: kept on the lead (indexed), in the reclaim's own write.
const withReclaim = (change: LeadChange, lastReclaim: NonNullable<Lead['lastReclaim']>): LeadChange => ({
  ...change,
  set: { ...change.set, lastReclaim },
});

const withUnset = (change: LeadChange, more: readonly (keyof Lead)[] = []): LeadChange =>
  more.length ? { ...change, unset: [...(change.unset ?? []), ...more] } : change;

/** To the pool, or (org setting) straight to the next eligible rep of the team, never the one it came from. */
async function reclaimTarget(deps: DeadlineDeps, org: Org, lead: Lead, record: ReleaseRecord, now: Date) {
  const routing = org.settings.routing;
  if (org.settings.reclaimTo === 'reroute' && routing && lead.teamId) {
    const rule = { ...matchRule(routing, lead), teamId: lead.teamId };
    const strategy = rule.strategy === 'pool' ? 'round_robin' : rule.strategy;
    // Re-routed by the same importance rule as at intake (it used to be skipped here): no intern, seniors if set.
    const barred = new Set([record.originalOwnerId]);
    const decision = await routeLead(deps, org, rule, strategy, now, barred, importantRule(org, lead.grade));
    const to = decision.assignment.ownerId;
    if (to && decision.turn) {
      const event = {
        type: 'reclaimed' as const,
        at: now,
        ownerId: to,
        fromOwnerId: record.originalOwnerId,
        reason: record.reason,
        release: { ...record, newOwnerId: to },
      };
      const change: LeadChange = {
        ...handOverChange(org, lead, { id: to, name: decision.ownerName ?? '' }, 'assigned', event),
      };
      return {
        change: { ...change, set: { ...change.set, assignment: decision.assignment } },
        undo: decision.turn,
      };
    }
  }
  return { change: toPoolChange(org, lead, record, 'reclaimed') };
}
