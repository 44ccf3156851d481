import type { Lead, PendingRelease } from '../leads/index.js';
import { isIntern, type Member } from '../org/index.js';
import { DomainError } from '../shared/errors.js';

// Who may claim, release, follow up or decide one lead, each rule in one function, used by chat, the API and the
// jobs alike. The role checks (`assertCan`) say whether a kind of member may do it at all; these, for this lead.
// Who may see a lead is `canSeeLead` in leads/.

/** A claim is refused for a duplicate, a lead someone holds, or one assigned to someone else. */
export function assertClaimable(lead: Lead, member: Member): void {
  if (lead.status === 'duplicate') {
    throw new DomainError('LEAD_IS_DUPLICATE', { leadId: lead.id, originalId: lead.duplicateOf });
  }
  if (lead.status === 'claimed') {
    throw new DomainError('LEAD_ALREADY_CLAIMED', { leadId: lead.id, ownerName: lead.ownerName ?? '' });
  }
  if (lead.status === 'assigned' && lead.ownerId !== member.id) {
    throw new DomainError('LEAD_ASSIGNED_TO_OTHER', { leadId: lead.id, ownerName: lead.ownerName ?? '' });
  }
}

/** An important lead is never an intern's (实习), whatever the org's seniors-only setting: claim refused. */
export function assertInternMayHave(lead: Pick<Lead, 'grade' | 'id'>, member: Member): void {
  if (lead.grade === 'important' && isIntern(member))
    throw new DomainError('INTERN_IMPORTANT_LEAD', { leadId: lead.id });
}

/** A pooled lead is claimed by its own team's members only, and not during a cooldown of theirs. */
export function assertPoolClaimAllowed(lead: Lead, member: Member, now: Date, timeZone: string): void {
  if (lead.teamId && lead.teamId !== member.teamId)
    throw new DomainError('LEAD_NOT_IN_YOUR_TEAM', { leadId: lead.id });
  const cooldown = lead.cooldowns?.find((c) => c.memberId === member.id && c.until.getTime() > now.getTime());
  if (cooldown) throw new DomainError('CLAIM_COOLDOWN', { until: cooldown.until.toISOString(), timeZone });
}

/** Following up and releasing are the owner's, while the lead is theirs (assigned or claimed). */
// `action` names what was refused, so the refusal says "only the owner can follow it up" to a follow-up.
export function assertOwnLead(lead: Lead, member: Member, action: 'follow_up' | 'release'): void {
  if (lead.ownerId !== member.id || (lead.status !== 'assigned' && lead.status !== 'claimed')) {
    throw new DomainError('LEAD_NOT_YOURS', { leadId: lead.id, action });
  }
}

/** A release is the owner's, once: an important lead already waiting for the director cannot be released again. */
export function assertReleasable(lead: Lead, member: Member): void {
  assertOwnLead(lead, member, 'release');
  if (lead.pendingRelease) throw new DomainError('LEAD_NOT_RELEASABLE', { leadId: lead.id });
}

/** A director decides only a release that is waiting for one; returns what is waiting and whose lead it is. */
export function pendingDecision(lead: Lead): {
  pending: PendingRelease;
  ownerId: NonNullable<Lead['ownerId']>;
} {
  const pending = lead.pendingRelease;
  if (!pending || !lead.ownerId) throw new DomainError('RELEASE_NOT_PENDING', { leadId: lead.id });
  return { pending, ownerId: lead.ownerId };
}
