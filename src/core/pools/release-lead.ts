import { z } from 'zod';
import { leadNotices } from '../leads/lead-notices.js';
import type { Lead, ReleaseRecord } from '../leads/lead-types.js';
import type { Actor } from '../org/caller.js';
import { assertCan } from '../org/permissions.js';
import type { Member, Org } from '../org/types.js';
import { DomainError } from '../shared/errors.js';
import type { LeadId } from '../shared/ids.js';
import { parseInput } from '../shared/validate.js';
import type { ClaimDeps } from './claim-lead.js';
import { pendingChange, releaseCandidates, toPoolChange } from './release-moves.js';

const reasonSchema = z.string().trim().min(2, 'say why, in a few words').max(500);

/**
 * The owner gives a lead up, with a reason. A normal lead goes back to the team's public pool at once (the record
 * is approved automatically); an important one stays theirs, clock stopped, and goes to the sales director for a
 * decision in a thread of the team channel. One conditional write either way: a lead changed meanwhile is refused.
 */
export async function releaseLead(
  deps: ClaimDeps,
  actor: Actor,
  org: Org,
  member: Member,
  id: LeadId,
  reason: string,
): Promise<Lead> {
  assertCan(actor, 'lead.release');
  const why = parseInput(reasonSchema, reason);
  const lead = await deps.leads.get(org.id, id);
  if (!lead) throw new DomainError('LEAD_NOT_FOUND', { leadId: id });
  if (lead.ownerId !== member.id || (lead.status !== 'assigned' && lead.status !== 'claimed')) {
    throw new DomainError('LEAD_NOT_YOURS', { leadId: id });
  }
  if (lead.pendingRelease) throw new DomainError('LEAD_NOT_RELEASABLE', { leadId: id });
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
      : toPoolChange(org, { ...record, approval: 'auto' }, 'released', self);
  const released = await deps.leads.update(org.id, id, lead.version, change);
  if (!released) throw new DomainError('CONFLICT', { leadId: id });
  if (released.status === 'pooled') await deps.roster.freePoolSlot(org.id, member.id);
  await deps.notifier.publish(org.id, leadNotices(released));
  return released;
}
