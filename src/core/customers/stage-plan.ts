import { planLead } from '../follow-ups/index.js';
import type { Lead, LeadPlan, LeadStage, StageKind } from '../leads/index.js';
import type { Org } from '../org/index.js';
import { type StageDefinition, type StageSettings, stageSettingsOf } from './stage-settings.js';

const DAY_MS = 86_400_000;

/**
 * What planLead is told besides the next contact time: the new stage's kind (an org's own stage list names kinds
 * planLead cannot know) and the lost stage's cooldown from the stage settings. Fields planLead may not read yet are
 * harmless: the plan engineer's planLead reads them (`PlanChange`), main's first cut ignores them.
 */
type PlanInput = Parameters<typeof planLead>[3] & {
  readonly stageKind?: StageKind;
  readonly lostCooldownHours?: number;
};

/**
 * The plan a stage change leaves on the lead, through planLead like every plan writer, given the lead with its new
 * stage. Into an open stage (沟通): a revisit at the next contact time given, or the one planned kept. Into 报价: a
 * reminder after quoteFollowUpDays, unless a contact is planned sooner. Into 成交: no plan at all (nothing is due:
 * no reminder, no stale reclaim). Into 流失: the move to the public pool, `poolAt`, after lostPoolCooldownDays.
 */
export function planForStage(
  org: Org,
  lead: Lead,
  stage: LeadStage,
  target: StageDefinition,
  now: Date,
  nextContactAt: Date | null | undefined,
): LeadPlan | undefined {
  if (target.kind === 'won') return undefined;
  const settings = stageSettingsOf(org);
  const moved: Lead = { ...lead, stage };
  const base = { stageKind: target.kind, lostCooldownHours: settings.lostPoolCooldownDays * 24 };
  if (target.kind === 'lost') {
    const poolAt = new Date(now.getTime() + settings.lostPoolCooldownDays * DAY_MS);
    const input: PlanInput = { ...base, nextContactAt: null };
    const planned = planLead(org, moved, now, input);
    // The same time planLead sets once it reads the cooldown; set here too until every planLead does.
    const dueAt = planned.dueAt && planned.dueAt.getTime() < poolAt.getTime() ? planned.dueAt : poolAt;
    return { ...planned, poolAt, dueAt };
  }
  const next = target.kind === 'quote' ? quoteReminderAt(lead, settings, now, nextContactAt) : nextContactAt;
  const input: PlanInput = { ...base, ...(next === undefined ? {} : { nextContactAt: next }) };
  return planLead(org, moved, now, input);
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
