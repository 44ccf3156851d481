import { z } from 'zod';
import { leadNotices } from '../leads/lead-notices.js';
import type { Lead } from '../leads/lead-types.js';
import type { Actor } from '../org/caller.js';
import { assertCan } from '../org/permissions.js';
import type { Member, Org } from '../org/types.js';
import { DomainError } from '../shared/errors.js';
import type { LeadId } from '../shared/ids.js';
import { parseInput } from '../shared/validate.js';
import type { ClaimDeps } from './claim-lead.js';

const textSchema = z.string().trim().min(2, 'say what happened, in a few words').max(1000);

/**
 * The owner records that they followed the lead up (`/followup LEAD text`, or the reminder card's button): the lead
 * becomes `following` and its reclaim clock stops. Following up an assigned lead also claims it: the rep is on it.
 * Structured follow-up records (channel, outcome, next step) come with the follow-ups feature.
 */
export async function recordFollowUp(
  deps: ClaimDeps,
  actor: Actor,
  org: Org,
  member: Member,
  id: LeadId,
  text: string,
): Promise<Lead> {
  assertCan(actor, 'lead.follow_up');
  const note = parseInput(textSchema, text);
  const lead = await deps.leads.get(org.id, id);
  if (!lead) throw new DomainError('LEAD_NOT_FOUND', { leadId: id });
  if (lead.ownerId !== member.id || (lead.status !== 'assigned' && lead.status !== 'claimed')) {
    throw new DomainError('LEAD_NOT_YOURS', { leadId: id });
  }
  const at = deps.clock.now();
  const updated = await deps.leads.update(org.id, id, lead.version, {
    set: { followUpStatus: 'following', status: 'claimed', ...(lead.claimedAt ? {} : { claimedAt: at }) },
    unset: ['dueStep', 'dueAt'],
    event: {
      type: 'followed_up',
      at,
      actorId: member.id,
      actorName: member.name,
      ownerId: member.id,
      reason: note,
    },
  });
  if (!updated) throw new DomainError('CONFLICT', { leadId: id });
  await deps.notifier.publish(org.id, leadNotices(updated));
  return updated;
}
