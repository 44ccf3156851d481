import { z } from 'zod';
import type { LastFollowUp, Lead, LeadChange, LeadRef } from '../leads/index.js';
import { findLead, leadNotices, typedReason } from '../leads/index.js';
import type { Caller } from '../org/index.js';
import { DomainError } from '../shared/errors.js';
import { textField } from '../shared/text-field.js';
import { parseInput } from '../shared/validate.js';
import { assertMayRecord, type FollowUpAuthor, followUpAuthor, stillOwnedBy } from './follow-up-author.js';
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
  /** A retry of an earlier request (its request key): nothing new was recorded. */
  readonly replayed: boolean;
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
  assertMayRecord(caller);
  const { org } = caller;
  const { leadId, requestKey, ...given } = input;
  parseInput(requestKeySchema, requestKey === undefined ? {} : { requestKey });
  const now = deps.clock.now();
  const lead = await findLead(deps.leads, org.id, leadId);
  const member = followUpAuthor(caller, lead);
  const fields = parseFollowUpFields(org, now, given, lead);
  const { followUp: stored, replayed } = await storeRecord(deps, {
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
  const updated =
    replayed && isApplied(lead, stored) ? lead : await applyToLead(deps, caller, member, lead, stored);
  const stage = outcomeOf(org, stored.outcome)?.stage;
  return { followUp: stored, lead: updated, replayed, ...(stage ? { outcomeStage: stage } : {}) };
}

/** Inserts the record, or finds the one an earlier try with the same request key stored (`replayed`). */
async function storeRecord(
  deps: FollowUpDeps,
  record: NewFollowUp,
): Promise<{ followUp: FollowUp; replayed: boolean }> {
  const result = await deps.followUps.insert(record);
  if ('followUp' in result) return { followUp: result.followUp, replayed: false };
  const earlier = record.requestKey
    ? await deps.followUps.findByRequestKey(record.orgId, record.requestKey)
    : undefined;
  // The key was used for another lead's follow-up: not a retry of this one.
  if (!earlier || earlier.leadId !== record.leadId)
    throw new DomainError('CONFLICT', { leadId: record.leadId });
  return { followUp: earlier, replayed: true };
}

/**
 * Whether a retried record is on the lead already (or a later one is): then the retry writes nothing. A crash's
 * leftover older than the lead's latest follow-up never replaces that newer summary.
 */
function isApplied(lead: Lead, record: FollowUp): boolean {
  const last = lead.lastFollowUp;
  if (!last) return false;
  return last.id === record.recordId || last.at.getTime() > record.at.getTime();
}

/** The lead's side of a follow-up, on the version read; re-read and built again when someone changed it meanwhile. */
async function applyToLead(
  deps: FollowUpDeps,
  caller: Caller,
  member: FollowUpAuthor,
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
    const stillOwn = again !== undefined && stillOwnedBy(again, member);
    // Another try of this same request (a platform retry running alongside) wrote it meanwhile.
    if (again?.lastFollowUp?.id === record.recordId) return again;
    if (!again || !stillOwn || attempt >= LEAD_WRITE_TRIES) {
      // The follow-up did not happen on this lead: its record goes, so no list shows a contact the lead never saw.
      await deps.followUps.remove(caller.org.id, record.id);
      if (again && !stillOwn)
        throw new DomainError('LEAD_NOT_YOURS', { leadId: lead.id, action: 'follow_up' });
      throw new DomainError('CONFLICT', { leadId: lead.id });
    }
    lead = again;
  }
}

function leadChange(caller: Caller, member: FollowUpAuthor, lead: Lead, record: FollowUp): LeadChange {
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
      // The owner's first follow-up since the lead became theirs: the reports' response time (same write).
      ...(lead.followUpStatus !== 'following' ? { respondedAt: record.at } : {}),
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
