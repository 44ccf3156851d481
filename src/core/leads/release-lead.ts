import { z } from 'zod';
import type { Actor } from '../org/actor.js';
import { assertCan } from '../org/permissions.js';
import type { Member, Org } from '../org/types.js';
import { DomainError } from '../shared/errors.js';
import type { LeadId } from '../shared/ids.js';
import { parseInput } from '../shared/validate.js';
import type { ClaimDeps } from './claim-lead.js';
import { leadNotices } from './lead-notices.js';
import type { Lead } from './lead-types.js';

const reasonSchema = z.string().trim().min(2, 'say why, in a few words').max(500);

/**
 * The owner gives a lead back to the public pool with a reason: one conditional write (only the owner, only while
 * they own it), then the card changes everywhere and the team's channel gets it as a pool card.
 * Important leads will go to the director for approval instead (pools issue); today they are pooled like the rest.
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
  const released = await deps.leads.release(org.id, id, member.id, {
    type: 'released',
    at: deps.clock.now(),
    actorId: member.id,
    actorName: member.name,
    fromOwnerId: member.id,
    reason: why,
  });
  if (!released) throw new DomainError('LEAD_NOT_YOURS', { leadId: id });
  await deps.roster.freePoolSlot(org.id, member.id);
  await deps.notifier.publish(org.id, leadNotices(released));
  return released;
}
