import { planLead } from '../follow-ups/index.js';
import type { Lead, LeadPlan } from '../leads/index.js';
import type { Org } from '../org/index.js';
import type { StageDefinition, StageSettings } from './stage-settings.js';

const DAY_MS = 86_400_000;

/**
 * The plan a stage change leaves on the lead, through planLead like every plan writer. Into an open stage (沟通): a
 * revisit at the next contact time given, or the one planned kept. Into 报价: a reminder after quoteFollowUpDays,
 * unless a contact is planned sooner. Into 成交: nothing more is due (no reminder, no stale reclaim: it is won).
 * Into 流失: only the move to the public pool, `poolAt`, after lostPoolCooldownDays.
 */
export function planForStage(
  org: Org,
  lead: Lead,
  target: StageDefinition,
  settings: StageSettings,
  now: Date,
  nextContactAt: Date | null | undefined,
): LeadPlan | undefined {
  if (target.kind === 'won') return undefined;
  if (target.kind === 'lost') {
    const poolAt = new Date(now.getTime() + settings.lostPoolCooldownDays * DAY_MS);
    // `poolAt` is passed on for planLead to keep (an input field it may not read yet: the plan job's engineer owns
    // it); until it does, it is set here too, and the earliest step stays the one the plan job reads.
    const input: Parameters<typeof planLead>[3] & { readonly poolAt?: Date } = {
      nextContactAt: null,
      poolAt,
    };
    const planned = planLead(org, lead, now, input);
    const dueAt = planned.dueAt && planned.dueAt.getTime() < poolAt.getTime() ? planned.dueAt : poolAt;
    return { ...planned, poolAt, dueAt };
  }
  if (target.kind === 'quote') {
    return planLead(org, lead, now, { nextContactAt: quoteReminderAt(lead, settings, now, nextContactAt) });
  }
  return planLead(org, lead, now, nextContactAt === undefined ? {} : { nextContactAt });
}

/** The quote's follow-up: after quoteFollowUpDays, or the contact given or planned if that is sooner. */
function quoteReminderAt(
  lead: Lead,
  settings: StageSettings,
  now: Date,
  given: Date | null | undefined,
): Date {
  const reminder = now.getTime() + settings.quoteFollowUpDays * DAY_MS;
  const planned = given ?? lead.plan?.nextContactAt;
  const sooner = planned && planned.getTime() > now.getTime() && planned.getTime() < reminder;
  return sooner ? planned : new Date(reminder);
}
