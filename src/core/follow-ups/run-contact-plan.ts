import type { Lead, LeadChange, LeadPlan, OwnershipEvent } from '../leads/index.js';
import { leadNotices } from '../leads/index.js';
import type { Org } from '../org/index.js';
import {
  type DeadlineDeps,
  reclaimOwnedLead,
  type Step,
  type StepContext,
  sweepContext,
} from '../pools/index.js';
import type { MemberId, OrgId } from '../shared/ids.js';
import type { Notice } from '../shared/notices.js';
import { ownOutcomeNames } from './agenda-notices.js';
import { planLead, withDueAt } from './plan-lead.js';
import { planSettingsOf } from './plan-settings.js';

/** The plan job needs what the deadline job needs: a reclaim is the same move (pool, reroute, or the director). */
export type ContactPlanDeps = DeadlineDeps;

const BATCH = 200;
const HOUR_MS = 3_600_000;

type PlanStep = 'remind' | 'escalate' | 'stale' | 'pool';

/**
 * The contact plan's job. Each lead with a plan stores its earliest step's time in `plan.dueAt` (indexed), so a run
 * reads only what is due: its cost follows the number due, not the number open. Each step is one conditional write
 * on the version read — remind the owner, escalate a missed contact to the manager, reclaim a stale `following`
 * lead, release a lost one after its cooldown — so a second runner, or this one after a crash, finds the step taken
 * and moves on. Notices are derived from the stored lead (`leadNotices`), so the notice sweep republishes any lost
 * in a crash; a burst of missed contacts reaches each manager as one card (coalesced in the outbox).
 */
export async function runContactPlan(deps: ContactPlanDeps): Promise<number> {
  const now = deps.clock.now();
  const tried = new Set<string>();
  const ctx: PlanContext = sweepContext(deps);
  let done = 0;
  for (;;) {
    // A step just taken may make the next one due at once (the clock jumped): it comes back at its new version.
    const due = (await deps.leads.findPlanDue(now, BATCH)).filter((l) => !tried.has(`${l.id}:${l.version}`));
    if (due.length === 0) return done;
    const notices = new Map<OrgId, Notice[]>();
    const freed = new Map<OrgId, MemberId[]>();
    for (const lead of due) {
      tried.add(`${lead.id}:${lead.version}`);
      const org = await ctx.org(lead.orgId);
      const step = org ? await takePlanStep(deps, ctx, org, lead, now) : undefined;
      if (!org || !step) continue;
      done++;
      notices.set(org.id, (notices.get(org.id) ?? []).concat(withOrgSnooze(org, leadNotices(step.lead))));
      if (step.freed) freed.set(org.id, (freed.get(org.id) ?? []).concat(step.freed));
    }
    for (const [orgId, list] of notices) await deps.notifier.publish(orgId, list);
    for (const [orgId, members] of freed) await deps.roster.freePoolSlots(orgId, members);
  }
}

type PlanContext = StepContext;

/** The steps of a plan with their times, the ones already taken left out. */
function stepsOf(org: Org, plan: LeadPlan): [PlanStep, Date][] {
  const escalateAfter = planSettingsOf(org).escalateAfterHours * HOUR_MS;
  const next = plan.nextContactAt;
  const steps: [PlanStep, Date | undefined][] = [
    ['remind', next && !plan.remindedAt ? next : undefined],
    ['escalate', next && !plan.escalatedAt ? new Date(next.getTime() + escalateAfter) : undefined],
    ['stale', plan.staleAt],
    ['pool', plan.poolAt],
  ];
  return steps.filter((s): s is [PlanStep, Date] => s[1] !== undefined);
}

/** The earliest step due, taken in one conditional write; undefined when another runner took it first. */
async function takePlanStep(
  deps: ContactPlanDeps,
  ctx: PlanContext,
  org: Org,
  lead: Lead,
  now: Date,
): Promise<Step | undefined> {
  const plan = lead.plan;
  if (!plan || !lead.ownerId) return undefined;
  const due = stepsOf(org, plan)
    .filter(([, at]) => at.getTime() <= now.getTime())
    .sort((a, b) => a[1].getTime() - b[1].getTime())[0]?.[0];
  const write = async (change: LeadChange) => {
    const updated = await deps.leads.updateIf(org.id, lead.id, { version: lead.version }, change);
    return updated ? { lead: updated } : undefined;
  };
  const replan = (taken: Partial<LeadPlan>) => planLead(org, { ...lead, plan: { ...plan, ...taken } }, now);
  const owner = { at: now, ownerId: lead.ownerId };
  if (due === 'remind') {
    return write({
      set: { plan: replan({ remindedAt: now }) },
      event: { type: 'contact_reminded', ...owner },
    });
  }
  if (due === 'escalate') {
    const managerId = lead.teamId ? await ctx.managerOf(org.id, lead.teamId) : undefined;
    const event: OwnershipEvent = {
      type: 'contact_escalated',
      ...owner,
      ...(managerId ? { managerId } : {}),
    };
    return write({ set: { plan: replan({ escalatedAt: now, remindedAt: plan.remindedAt ?? now }) }, event });
  }
  const actionable = !lead.pendingRelease && (due === 'pool' || lead.followUpStatus === 'following');
  if (due && actionable) {
    const days = planSettingsOf(org).staleAfterDays;
    const reason = due === 'pool' ? ({ kind: 'lost' } as const) : ({ kind: 'stale', days } as const);
    return reclaimOwnedLead(deps, org, lead, now, { reason, unset: ['plan'] });
  }
  // Nothing to take (a reclaim waiting for a director, an unfollowed lead the ladder has, a stored time out of
  // date): the step is dropped from the plan, so the lead is not read again for it.
  const { staleAt: _s, poolAt: _p, ...others } = plan;
  const kept: LeadPlan = {
    ...others,
    ...(due !== 'stale' && plan.staleAt ? { staleAt: plan.staleAt } : {}),
    ...(due !== 'pool' && plan.poolAt ? { poolAt: plan.poolAt } : {}),
  };
  const escalateAt = stepsOf(org, kept).find(([s]) => s === 'escalate')?.[1];
  return write({ set: { plan: withDueAt(kept, escalateAt) }, event: { type: 'deadline_changed', at: now } });
}

/**
 * The org's snooze choices on its reminders, and its own outcome names (the notice sweep, without the org at hand,
 * offers the default choices and the catalogue's names).
 */
function withOrgSnooze(org: Org, notices: readonly Notice[]): Notice[] {
  const snooze = planSettingsOf(org).snooze;
  const names = ownOutcomeNames(org);
  const named = (key: string | undefined) =>
    key && names.has(key) ? { lastOutcomeName: names.get(key)! } : {};
  return notices.map((n) =>
    n.kind === 'plan.reminder'
      ? { ...n, data: { ...n.data, snooze, ...named(n.data.lastOutcome) } }
      : n.kind === 'plan.missed'
        ? { ...n, data: { ...n.data, ...named(n.data.lastOutcome) } }
        : n,
  );
}
