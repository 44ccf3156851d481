import type { Lead, LeadPlan } from '../leads/index.js';
import type { Org } from '../org/index.js';

const DAY_MS = 86_400_000;

/** The contact plan's defaults; an org's own `plan` settings replace them (see the plan settings). */
export const DEFAULT_STALE_AFTER_DAYS = 7;

/**
 * The plan a lead carries after a follow-up or a stage change: the next contact time (given, or kept), and when a
 * `following` lead with no new follow-up is reclaimed. `dueAt` is the earliest step still to take, the one field
 * the plan job reads (indexed). The first cut: the plan job's issue refines the steps (escalation, the lost
 * stage's cooldown) here, in one place, so every writer of a plan stays consistent.
 */
export function planLead(
  _org: Org,
  lead: Pick<Lead, 'plan' | 'lastFollowUp'>,
  now: Date,
  change: { readonly nextContactAt?: Date | null } = {},
): LeadPlan {
  const nextContactAt =
    change.nextContactAt === null ? undefined : (change.nextContactAt ?? lead.plan?.nextContactAt);
  const lastAt = lead.lastFollowUp?.at ?? now;
  const staleAt = new Date(lastAt.getTime() + DEFAULT_STALE_AFTER_DAYS * DAY_MS);
  const kept = change.nextContactAt === undefined ? lead.plan : undefined;
  const steps = [kept?.remindedAt ? undefined : nextContactAt, staleAt].filter((d): d is Date => !!d);
  const dueAt = new Date(Math.min(...steps.map((d) => d.getTime())));
  return {
    ...(nextContactAt ? { nextContactAt } : {}),
    ...(kept?.remindedAt ? { remindedAt: kept.remindedAt } : {}),
    staleAt,
    dueAt,
  };
}
