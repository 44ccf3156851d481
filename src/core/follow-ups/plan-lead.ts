import { DEFAULT_LOST_POOL_COOLDOWN_DAYS, type Lead, type LeadPlan, type StageKind } from '../leads/index.js';
import type { Org } from '../org/index.js';
import { DEFAULT_PLAN_SETTINGS, planSettingsOf, stageKindOf } from './plan-settings.js';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** The contact plan's defaults; an org's own `plan` settings replace them (see planSettingsOf). */
export const DEFAULT_STALE_AFTER_DAYS = DEFAULT_PLAN_SETTINGS.staleAfterDays;

/** What a writer of a plan may say besides the lead as read; every field optional, each for one kind of writer. */
export type PlanChange = {
  /** A new next contact time (a follow-up, a snooze); `null` clears it; absent keeps the one planned. */
  readonly nextContactAt?: Date | null;
  /**
   * The follow-up just recorded, when the lead passed still carries the previous `lastFollowUp`: the stale
   * countdown starts from it. Absent: from the lead's `lastFollowUp.at`, else from `now`.
   */
  readonly followedUpAt?: Date;
  /** The kind of the lead's stage in the org's stage list (engineer *stages*); absent: the default list's. */
  readonly stageKind?: StageKind;
  /** The lost stage's cooldown before the public pool; absent: the org's `stages.lostPoolCooldownDays`. */
  readonly lostCooldownHours?: number;
};

/**
 * The plan a lead carries after a follow-up, a stage change, a snooze or a step of the plan job: the next contact
 * time (given, or kept), and the steps it sets going, each with its time:
 * - remind the owner at `nextContactAt` (until `remindedAt`);
 * - escalate to the manager `escalateAfterHours` after a missed `nextContactAt` with no follow-up since;
 * - reclaim a `following` lead with no follow-up for `staleAfterDays` (`staleAt`; a follow-up renews it);
 * - a lost lead (流失) to the public pool once the lost stage's cooldown since `stage.since` is over (`poolAt`).
 * `dueAt` is the earliest step still to take, the one field the plan job reads (indexed). A won lead is never
 * reclaimed; a lost one is neither reminded nor reclaimed, only released after its cooldown.
 */
export function planLead(
  org: Org,
  lead: Pick<Lead, 'plan' | 'lastFollowUp' | 'stage'>,
  now: Date,
  change: PlanChange = {},
): LeadPlan {
  const settings = planSettingsOf(org);
  // The org's own stage list says what its keys mean; the default list's keys are read without it.
  const ownKind = org.settings.stages?.stages.find((s) => s.key === lead.stage?.key)?.kind;
  const kind = stageKindOf(lead.stage?.key, change.stageKind ?? ownKind);
  const given = change.nextContactAt;
  const planned = given === null ? undefined : (given ?? lead.plan?.nextContactAt);
  // A new contact time starts its reminder and escalation afresh; an unchanged one keeps what was done of them.
  const kept = given === undefined ? lead.plan : undefined;
  const followedAt = change.followedUpAt ?? lead.lastFollowUp?.at;
  // A follow-up recorded at or after the planned time, with no new one given, made that contact: nothing is left
  // of it to remind or escalate (so a stored `nextContactAt` always means "not contacted since").
  const contacted =
    given === undefined && !!planned && !!followedAt && followedAt.getTime() >= planned.getTime();
  const nextContactAt = kind === 'lost' || contacted ? undefined : planned;
  const lastAt = followedAt ?? now;
  // Without any follow-up, a countdown already running keeps its time (a snooze or a job step must not renew it).
  const staleAt =
    kind === 'open' || kind === 'quote'
      ? followedAt || !lead.plan?.staleAt
        ? new Date(lastAt.getTime() + settings.staleAfterDays * DAY_MS)
        : lead.plan.staleAt
      : undefined;
  // One setting for it, the stages' (where 流失 is configured); its default is the stage settings' too.
  const cooldownHours =
    change.lostCooldownHours ??
    (org.settings.stages?.lostPoolCooldownDays ?? DEFAULT_LOST_POOL_COOLDOWN_DAYS) * 24;
  const poolAt =
    kind === 'lost' ? new Date((lead.stage?.since ?? now).getTime() + cooldownHours * HOUR_MS) : undefined;
  const escalateAt =
    nextContactAt && !kept?.escalatedAt
      ? new Date(nextContactAt.getTime() + settings.escalateAfterHours * HOUR_MS)
      : undefined;
  const plan: LeadPlan = {
    ...(nextContactAt ? { nextContactAt } : {}),
    ...(nextContactAt && kept?.remindedAt ? { remindedAt: kept.remindedAt } : {}),
    ...(nextContactAt && kept?.escalatedAt ? { escalatedAt: kept.escalatedAt } : {}),
    ...(staleAt ? { staleAt } : {}),
    ...(poolAt ? { poolAt } : {}),
  };
  return withDueAt(plan, escalateAt);
}

/** The plan with `dueAt` the earliest step still to take; without `dueAt` when nothing is left. */
export function withDueAt(plan: LeadPlan, escalateAt: Date | undefined): LeadPlan {
  const { dueAt: _old, ...rest } = plan;
  const remindAt = plan.remindedAt ? undefined : plan.nextContactAt;
  const steps = [remindAt, escalateAt, plan.staleAt, plan.poolAt].filter((d): d is Date => !!d);
  if (steps.length === 0) return rest;
  return { ...rest, dueAt: new Date(Math.min(...steps.map((d) => d.getTime()))) };
}
