import type { Lead } from '../leads/index.js';
import { defined } from '../shared/defined.js';
import type { LeadId, MemberId } from '../shared/ids.js';
import type { Notice } from '../shared/notices.js';

/** What the contact reminder and the manager's missed-contact card show of a lead. */
export type ContactPlanData = {
  readonly leadId: LeadId;
  readonly code?: string;
  readonly version: number;
  readonly name?: string;
  readonly company?: string;
  readonly ownerName?: string;
  /** ISO time of the planned contact. */
  readonly nextContactAt: string;
  /** The last follow-up's outcome key (the org's list names it) and channel: "上次：约到试用". */
  readonly lastOutcome?: string;
  readonly lastChannel?: string;
  /** The outcome as the org's own list names it (the plan job adds it; the default list is named by the catalogue). */
  readonly lastOutcomeName?: string;
  /** What 稍后提醒 offers (`1h`, `tomorrow`, …: the org's plan settings). */
  readonly snooze: readonly string[];
};

/** The card key of a lead's contact reminder: a snooze or a follow-up updates it in place (no stale buttons). */
export const contactReminderKey = (id: LeadId) => `lead:${id}:contact`;

/**
 * The notices of the plan job's steps, derived from the stored lead alone (like every lead notice, so the notice
 * sweep sends them again after a crash between the step's write and its publish; keys carry the version):
 * `contact_reminded` is a DM to the owner; `contact_escalated` a notice to the manager, coalesced per manager
 * into one card listing their reps' missed contacts. Snoozing, or a later change of the lead, updates the reminder.
 */
export function contactPlanNotices(lead: Lead, snooze: readonly string[] = []): Notice[] {
  const last = lead.history.at(-1);
  const key = (suffix: string) => `lead:${lead.id}:v${lead.version}:${suffix}`;
  const remindedAt = lead.history.findLast((e) => e.type === 'contact_reminded');
  if (!remindedAt && last?.type !== 'contact_escalated') return [];
  const planned = lead.plan?.nextContactAt ?? remindedAt?.at;
  if (!planned) return [];
  const data: ContactPlanData = {
    leadId: lead.id,
    version: lead.version,
    nextContactAt: planned.toISOString(),
    snooze,
    ...defined({
      code: lead.code,
      name: lead.contact.name,
      company: lead.contact.company,
      ownerName: lead.ownerName,
      lastOutcome: lead.lastFollowUp?.outcome,
      lastChannel: lead.lastFollowUp?.channel,
    }),
  };
  const notices: Notice[] = [];
  if (last?.type === 'contact_reminded' && lead.ownerId) {
    notices.push(reminder(lead, data, lead.ownerId, 'post', key('contact')));
  } else if (remindedAt?.ownerId && last?.type !== 'contact_escalated') {
    // The lead moved on since (a follow-up, a snooze, a reclaim): the reminder shown stops offering its buttons. An
    // escalation leaves it as it is: the owner may still record the follow-up or snooze from it.
    // To the one reminded (a reclaimed lead has no owner now): an update reaches the card by its key anyway.
    notices.push(
      reminder(lead, { ...data, snooze: [] }, remindedAt.ownerId, 'update', key('contact-update')),
    );
  }
  if (last?.type === 'contact_escalated' && last.managerId) {
    notices.push({
      kind: 'plan.missed',
      to: { kind: 'member', memberId: last.managerId },
      mode: 'post',
      idempotencyKey: key('missed'),
      data,
    });
  }
  return notices;
}

function reminder(
  lead: Lead,
  data: ContactPlanData,
  to: MemberId,
  mode: 'post' | 'update',
  idempotencyKey: string,
): Notice {
  const live = mode === 'post' && lead.status !== 'pooled';
  return {
    kind: 'plan.reminder',
    to: { kind: 'member', memberId: to },
    cardKey: contactReminderKey(lead.id),
    mode,
    idempotencyKey,
    data: { ...data, done: !live },
  };
}

declare module '../shared/notices.js' {
  interface NoticeDataByKind {
    'plan.reminder': ContactPlanData & { readonly done: boolean };
    'plan.missed': ContactPlanData;
  }
}
