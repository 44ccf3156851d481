import { z } from 'zod';
import type { Lead, LeadRepository } from '../leads/index.js';
import { findLead, type LeadRef, leadNotices } from '../leads/index.js';
import type { Caller } from '../org/index.js';
import { assertCan } from '../org/index.js';
import type { Clock } from '../shared/clock.js';
import { DomainError } from '../shared/errors.js';
import type { Notifier } from '../shared/notices.js';
import { parseInput } from '../shared/validate.js';
import { ladderFrom } from './ladder.js';

export const reclaimPeriodSchema = z.strictObject({ reclaimAfterHours: z.number().int().min(1).max(720) });

/**
 * An admin or director gives one lead its own reclaim period. A lead on the clock gets its ladder recomputed from
 * when it became its owner's, keeping the step it has reached (a step already passed is not repeated).
 */
export async function setReclaimPeriod(
  deps: { leads: LeadRepository; notifier: Notifier; clock: Clock },
  caller: Caller,
  input: { readonly leadId: LeadRef; readonly period: unknown },
): Promise<Lead> {
  assertCan(caller, 'lead.set_deadline');
  const { org, member: by } = caller;
  const { reclaimAfterHours } = parseInput(reclaimPeriodSchema, input.period);
  const lead = await findLead(deps.leads, org.id, input.leadId);
  const id = lead.id;
  const at = deps.clock.now();
  const onClock = lead.dueStep !== undefined && lead.assignedAt !== undefined;
  const ladder = onClock ? ladderFrom(org, lead.assignedAt!, reclaimAfterHours) : undefined;
  const dueAt =
    ladder && lead.dueStep
      ? { nudge: ladder.nudgeAt, manager: ladder.managerAt, reclaim: ladder.reclaimAt }[lead.dueStep]
      : undefined;
  const updated = await deps.leads.updateIf(
    org.id,
    id,
    { version: lead.version },
    {
      set: { reclaimAfterHours, ...(ladder ? { ...ladder, ...(dueAt ? { dueAt } : {}) } : {}) },
      event: {
        type: 'deadline_changed',
        at,
        ...(by ? { actorId: by.id, actorName: by.name } : {}),
        ...(lead.ownerId ? { ownerId: lead.ownerId } : {}),
        reason: { kind: 'reclaim_period', hours: reclaimAfterHours },
      },
    },
  );
  if (!updated) throw new DomainError('CONFLICT', { leadId: id });
  await deps.notifier.publish(org.id, leadNotices(updated));
  return updated;
}
