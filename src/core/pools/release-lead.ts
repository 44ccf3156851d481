import { z } from 'zod';
import type { EventReason, Lead, ReleaseRecord } from '../leads/index.js';
import { findLead, type LeadRef, leadNotices, typedReason } from '../leads/index.js';
import { actingMember, assertCan, type Caller } from '../org/index.js';
import { DomainError } from '../shared/errors.js';
import { parseInput } from '../shared/validate.js';
import { assertReleasable } from './lead-rules.js';
import type { ClaimDeps } from './ports.js';
import { pendingChange, releaseCandidates, toPoolChange } from './release-moves.js';

// Only surrounding white space is trimmed: the reason is kept as typed (full-width punctuation and all).
const reasonSchema = z.object({ reason: z.string().trim().min(2, 'say why, in a few words').max(500) });

/**
 * The owner gives a lead up, with a reason. A normal lead goes back to the team's public pool at once (the record
 * is approved automatically); an important one stays theirs, clock stopped, and goes to the sales director for a
 * decision in a thread of the team channel. One conditional write either way: a lead changed meanwhile is refused.
 */
export async function releaseLead(
  deps: ClaimDeps,
  caller: Caller,
  /** `reason` as the owner typed it, or `{ kind: 'card' }` for the card's 释放 button (nobody typed anything). */
  input: { readonly leadId: LeadRef; readonly reason: string | { readonly kind: 'card' } },
): Promise<Lead> {
  assertCan(caller, 'lead.release');
  const member = actingMember(caller, 'lead.release');
  const { org } = caller;
  const why: EventReason =
    typeof input.reason === 'string'
      ? typedReason(parseInput(reasonSchema, { reason: input.reason }).reason)
      : { kind: 'card' };
  const lead = await findLead(deps.leads, org.id, input.leadId);
  const id = lead.id;
  assertReleasable(lead, member);
  const at = deps.clock.now();
  const record: ReleaseRecord = {
    type: 'manual',
    applicantId: member.id,
    at,
    grade: lead.grade,
    reason: why,
    originalOwnerId: member.id,
    originalOwnerName: member.name,
    approval: lead.grade === 'important' ? 'pending' : 'auto',
  };
  const self = { id: member.id, name: member.name };
  const change =
    lead.grade === 'important' && lead.teamId
      ? pendingChange(
          {
            ...record,
            candidates: releaseCandidates(await deps.roster.load(org.id, lead.teamId), member.id),
          },
          self,
        )
      : toPoolChange(org, lead, { ...record, approval: 'auto' }, 'released', self);
  const released = await deps.leads.updateIf(org.id, id, { version: lead.version }, change);
  if (!released) throw new DomainError('CONFLICT', { leadId: id });
  if (released.status === 'pooled') await deps.roster.freePoolSlot(org.id, member.id);
  await deps.notifier.publish(org.id, leadNotices(released));
  return released;
}
