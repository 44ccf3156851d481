import { z } from 'zod';
import type { Lead, LeadRef, LeadRepository } from '../leads/index.js';
import { findLead, leadNotices } from '../leads/index.js';
import { actingMember, assertCan, type Caller, type Org } from '../org/index.js';
import { assertOwnLead } from '../pools/index.js';
import type { Clock } from '../shared/clock.js';
import { DomainError } from '../shared/errors.js';
import { nextLocalMidnight } from '../shared/local-day.js';
import type { Notifier } from '../shared/notices.js';
import { parseInput } from '../shared/validate.js';
import { planLead } from './plan-lead.js';
import { planSettingsOf } from './plan-settings.js';

export type SnoozeDeps = {
  readonly leads: LeadRepository;
  readonly notifier: Notifier;
  readonly clock: Clock;
};

const HOUR_MS = 3_600_000;

/** When a snooze choice comes round: so many hours from now, or `tomorrow` at the org's agenda time. */
export function snoozeUntil(org: Org, choice: string, now: Date): Date {
  const hours = /^(\d+)h$/.exec(choice)?.[1];
  if (hours) return new Date(now.getTime() + Number(hours) * HOUR_MS);
  const [h = '9', m = '0'] = planSettingsOf(org).agendaAt.split(':');
  const midnight = nextLocalMidnight(now, org.settings.timeZone);
  return new Date(midnight.getTime() + (Number(h) * 60 + Number(m)) * 60_000);
}

/**
 * 稍后提醒 on a contact reminder: the owner moves the next contact to one of the org's snooze choices. The plan is
 * recomputed by planLead (a new contact time: reminded and escalated afresh) in one conditional write; the reminder
 * shown is updated to offer nothing more.
 */
export async function snoozeContact(
  deps: SnoozeDeps,
  caller: Caller,
  input: { readonly leadId: LeadRef; readonly choice: string },
): Promise<{ readonly lead: Lead; readonly until: Date }> {
  assertCan(caller, 'lead.follow_up');
  const member = actingMember(caller, 'lead.follow_up');
  const { org } = caller;
  const choices = planSettingsOf(org).snooze;
  const { choice } = parseInput(z.object({ choice: z.enum(choices as [string, ...string[]]) }), input);
  const lead = await findLead(deps.leads, org.id, input.leadId);
  assertOwnLead(lead, member, 'follow_up');
  const now = deps.clock.now();
  const until = snoozeUntil(org, choice, now);
  const updated = await deps.leads.updateIf(
    org.id,
    lead.id,
    { version: lead.version },
    {
      set: { plan: planLead(org, lead, now, { nextContactAt: until }) },
      event: {
        type: 'contact_snoozed',
        at: now,
        actorId: member.id,
        actorName: member.name,
        ownerId: member.id,
      },
    },
  );
  if (!updated) throw new DomainError('CONFLICT', { leadId: lead.id });
  await deps.notifier.publish(org.id, leadNotices(updated));
  return { lead: updated, until };
}
