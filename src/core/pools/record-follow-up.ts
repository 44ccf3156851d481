import { z } from 'zod';
import type { EventReason, Lead } from '../leads/index.js';
import { findLead, type LeadRef, leadNotices, typedReason } from '../leads/index.js';
import { actingMember, assertCan, type Caller } from '../org/index.js';
import { DomainError } from '../shared/errors.js';
import { parseInput } from '../shared/validate.js';
import { assertOwnLead } from './lead-rules.js';
import type { ClaimDeps } from './ports.js';

const textSchema = z.object({
  text: z.string().trim().min(2, 'say what happened, in a few words').max(1000),
});

/**
 * The owner records that they followed the lead up (`/followup LEAD text`, or the reminder card's button): the lead
 * becomes `following` and its reclaim clock stops. Following up an assigned lead also claims it: the rep is on it.
 * Structured follow-up records (channel, outcome, next step) come with the follow-ups feature.
 */
export async function recordFollowUp(
  deps: ClaimDeps,
  caller: Caller,
  /** `text` as the owner typed it, or `{ kind: 'card' }` for the card's 已跟进 button. */
  input: { readonly leadId: LeadRef; readonly text: string | { readonly kind: 'card' } },
): Promise<Lead> {
  assertCan(caller, 'lead.follow_up');
  const member = actingMember(caller, 'lead.follow_up');
  const { org } = caller;
  const note: EventReason =
    typeof input.text === 'string'
      ? typedReason(parseInput(textSchema, { text: input.text }).text)
      : { kind: 'card' };
  const lead = await findLead(deps.leads, org.id, input.leadId);
  const id = lead.id;
  assertOwnLead(lead, member, 'follow_up');
  const at = deps.clock.now();
  const updated = await deps.leads.updateIf(
    org.id,
    id,
    { version: lead.version },
    {
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
    },
  );
  if (!updated) throw new DomainError('CONFLICT', { leadId: id });
  await deps.notifier.publish(org.id, leadNotices(updated));
  return updated;
}
