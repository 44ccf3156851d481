import type { Lead } from '../leads/index.js';
import { actingMember, assertCan, type Caller } from '../org/index.js';
import { assertOwnLead } from '../pools/index.js';
import { DomainError } from '../shared/errors.js';
import type { MemberId } from '../shared/ids.js';

/** Who a follow-up is recorded as: the member who made the contact. */
export type FollowUpAuthor = { readonly id: MemberId; readonly name: string };

/** A member records their own follow-ups only: checked before the lead is read (`lead.follow_up`). */
export function assertMayRecord(caller: Caller): void {
  if (caller.kind === 'api') assertCan(caller, 'follow_up.record_for_owner');
  else assertCan(caller, 'lead.follow_up');
}

/**
 * The author of a follow-up of this lead: the owner, and only they. A member must be the owner (assigned or
 * claimed); an API token granted `follow_up.record_for_owner` records for the owner (an integration logging the
 * rep's call), so the record and the history still name the person who made the contact.
 */
export function followUpAuthor(caller: Caller, lead: Lead): FollowUpAuthor {
  if (caller.kind !== 'api') {
    const member = actingMember(caller, 'lead.follow_up');
    assertOwnLead(lead, member, 'follow_up');
    return { id: member.id, name: member.name };
  }
  if (!lead.ownerId || (lead.status !== 'assigned' && lead.status !== 'claimed'))
    throw new DomainError('LEAD_NOT_YOURS', { leadId: lead.id, action: 'follow_up' });
  return { id: lead.ownerId, name: lead.ownerName ?? '' };
}

/** Whether the lead, as read again, is still this author's to follow up. */
export const stillOwnedBy = (lead: Lead, author: FollowUpAuthor): boolean =>
  lead.ownerId === author.id && (lead.status === 'assigned' || lead.status === 'claimed');
