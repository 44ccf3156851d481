import { z } from 'zod';
import type { LastFollowUp, Lead, LeadChange, LeadRef } from '../leads/index.js';
import { findLead, leadNotices, typedReason } from '../leads/index.js';
import { actingMember, assertCan, type Caller, type Member } from '../org/index.js';
import { assertOwnLead } from '../pools/index.js';
import { DomainError } from '../shared/errors.js';
import { textField } from '../shared/text-field.js';
import { parseInput } from '../shared/validate.js';
import { parseFollowUpFields } from './follow-up-input.js';
import { outcomeOf } from './follow-up-settings.js';
import type { FollowUp, FollowUpInput } from './follow-up-types.js';
import { planLead } from './plan-lead.js';
import type { FollowUpDeps, NewFollowUp } from './ports.js';

/** How often the lead write is tried again after someone else changed the lead meanwhile (not the record). */
const LEAD_WRITE_TRIES = 4;

const requestKeySchema = z.strictObject({ requestKey: textField().min(1).max(200).optional() });

export type RecordFollowUpInput = Omit<FollowUpInput, 'leadId'> & {
  readonly leadId: LeadRef;
  /** The chat event id or the API's Idempotency-Key: a retry with it records nothing twice. */
  readonly requestKey?: string;
};

export type RecordedFollowUp = {
  readonly followUp: FollowUp;
  readonly lead: Lead;
  /** The stage the org maps this outcome to, for the caller to move the lead to (the stages domain's change). */
  readonly outcomeStage?: string;
};

/**
 * The owner records a follow-up (跟进记录): the record in its own collection, then the lead in one conditional write
 * (its latest-follow-up summary, its contact plan, a `followed_up` event whose reason is the content as typed; the
 * lead becomes `following`, its ladder stops, and an assigned lead is claimed: the rep is on it), then the notices.
 * Four database commands for a claimed lead: read the lead, insert the record, the conditional write, the outbox.
 * A retry with the same request key finds its record: it completes a lead write a crash left undone, or returns
 * what was recorded and writes nothing.
 */
export async function recordFollowUp(
  deps: FollowUpDeps,
  caller: Caller,
  input: RecordFollowUpInput,
): Promise<RecordedFollowUp> {
  assertCan(caller, 'lead.follow_up');
  const member = actingMember(caller, 'lead.follow_up');
  const { org } = caller;
  const { leadId, requestKey, ...given } = input;
  parseInput(requestKeySchema, requestKey === undefined ? {} : { requestKey });
  const now = deps.clock.now();
  const lead = await findLead(deps.leads, org.id, leadId);
  assertOwnLead(lead, member, 'follow_up');
  const fields = parseFollowUpFields(org, now, given, lead);
  const stored = await storeRecord(deps, {
    orgId: org.id,
    version: 1,
    leadId: lead.id,
    ...(lead.customerId ? { customerId: lead.customerId } : {}),
    // A closed lead's follow-up may leave the channel out: 其他.
    channel: fields.channel ?? 'other',
    content: fields.content ?? '',
    ...(fields.outcome !== undefined ? { outcome: fields.outcome } : {}),
    ...(fields.nextStep !== undefined ? { nextStep: fields.nextStep } : {}),
    ...(fields.nextContactAt !== undefined ? { nextContactAt: fields.nextContactAt } : {}),
    authorId: member.id,
    authorName: member.name,
    at: now,
    ...(requestKey !== undefined ? { requestKey } : {}),
  });
  const updated = isApplied(lead, stored) ? lead : await applyToLead(deps, caller, member, lead, stored);
  const stage = outcomeOf(org, stored.outcome)?.stage;
  return { followUp: stored, lead: updated, ...(stage ? { outcomeStage: stage } : {}) };
}

/** Inserts the record, or finds the one an earlier try with the same request key stored. */
async function storeRecord(deps: FollowUpDeps, record: NewFollowUp): Promise<FollowUp> {
  const result = await deps.followUps.insert(record);
  if ('followUp' in result) return result.followUp;
  const earlier = record.requestKey
    ? await deps.followUps.findByRequestKey(record.orgId, record.requestKey)
    : undefined;
  // The key was used for another lead's follow-up: not a retry of this one.
  if (!earlier || earlier.leadId !== record.leadId)
    throw new DomainError('CONFLICT', { leadId: record.leadId });
  return earlier;
}

/**
 * Whether the lead already carries this record (or a later one): then a retry writes nothing. Records are compared
 * by when they were taken, the id breaking a tie, so a crash's leftover never replaces a newer summary.
 */
function isApplied(lead: Lead, record: FollowUp): boolean {
  const last = lead.lastFollowUp;
  if (!last) return false;
  if (last.id === record.recordId) return true;
  const [a, b] = [last.at.getTime(), record.at.getTime()];
  return a > b || (a === b && last.id > record.recordId);
}

/** The lead's side of a follow-up, on the version read; re-read and built again when someone changed it meanwhile. */
async function applyToLead(
  deps: FollowUpDeps,
  caller: Caller,
  member: Member,
  first: Lead,
  record: FollowUp,
): Promise<Lead> {
  let lead = first;
  for (let attempt = 1; ; attempt++) {
    const updated = await deps.leads.updateIf(
      caller.org.id,
      lead.id,
      { version: lead.version },
      leadChange(caller, member, lead, record),
    );
    if (updated) {
      await deps.notifier.publish(caller.org.id, leadNotices(updated));
      return updated;
    }
    const again = await deps.leads.get(caller.org.id, lead.id);
    const stillOwn =
      again && again.ownerId === member.id && (again.status === 'assigned' || again.status === 'claimed');
    if (again && isApplied(again, record)) return again;
    if (!again || !stillOwn || attempt >= LEAD_WRITE_TRIES) {
      // The follow-up did not happen on this lead: its record goes, so no list shows a contact the lead never saw.
      await deps.followUps.remove(caller.org.id, record.id);
      if (again && !stillOwn) assertOwnLead(again, member, 'follow_up');
      throw new DomainError('CONFLICT', { leadId: lead.id });
    }
    lead = again;
  }
}

function leadChange(caller: Caller, member: Member, lead: Lead, record: FollowUp): LeadChange {
  const last: LastFollowUp = {
    id: record.recordId,
    at: record.at,
    channel: record.channel,
    ...(record.outcome ? { outcome: record.outcome } : {}),
    count: (lead.lastFollowUp?.count ?? 0) + 1,
  };
  const plan = planLead(
    caller.org,
    { ...(lead.plan ? { plan: lead.plan } : {}), lastFollowUp: last },
    record.at,
    {
      ...(record.nextContactAt ? { nextContactAt: record.nextContactAt } : {}),
    },
  );
  return {
    set: {
      followUpStatus: 'following',
      status: 'claimed',
      ...(lead.claimedAt ? {} : { claimedAt: record.at }),
      lastFollowUp: last,
      plan,
    },
    unset: ['dueStep', 'dueAt'],
    event: {
      type: 'followed_up',
      at: record.at,
      actorId: member.id,
      actorName: member.name,
      ownerId: member.id,
      ...(record.content ? { reason: typedReason(record.content) } : {}),
    },
  };
}
