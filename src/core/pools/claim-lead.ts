import { leadNotices } from '../leads/lead-notices.js';
import type { Lead } from '../leads/lead-types.js';
import type { LeadRepository, RosterRepository } from '../leads/ports.js';
import type { Actor } from '../org/caller.js';
import { assertCan } from '../org/permissions.js';
import type { Member, Org } from '../org/types.js';
import type { Clock } from '../shared/clock.js';
import { DomainError } from '../shared/errors.js';
import type { LeadId } from '../shared/ids.js';
import { localDay, nextLocalMidnight } from '../shared/local-day.js';
import type { Notifier } from '../shared/notices.js';
import { ladderFrom } from './ladder.js';

export type ClaimDeps = {
  readonly leads: LeadRepository;
  readonly roster: RosterRepository;
  readonly notifier: Notifier;
  readonly clock: Clock;
};

/**
 * A member claims a lead: their own assigned lead from its card, or a pooled one of their team. The race is decided
 * by one conditional write (only an unowned or own-assigned lead can be claimed), so of any number of simultaneous
 * clicks exactly one wins; the others are told who has it. A pool claim first reserves a private-pool slot and one
 * of the day's pool claims (one conditional write) and gives them back if the claim is lost.
 */
export async function claimLead(
  deps: ClaimDeps,
  actor: Actor,
  org: Org,
  member: Member,
  id: LeadId,
): Promise<Lead> {
  assertCan(actor, 'lead.claim');
  const lead = await deps.leads.get(org.id, id);
  if (!lead) throw new DomainError('LEAD_NOT_FOUND', { leadId: id });
  // A second click of the winner (or a platform retry that got past dedupe) changes nothing.
  if (lead.status === 'claimed' && lead.ownerId === member.id) return lead;
  refuseIfTaken(lead, member);

  const now = deps.clock.now();
  const fromPool = lead.status === 'pooled';
  const day = localDay(now, org.settings.timeZone);
  if (fromPool) await reserve(deps, org, member, lead, now, day);
  const claimed = await deps.leads.claim(org.id, id, {
    memberId: member.id,
    ownerName: member.name,
    event: { type: 'claimed', at: now, actorId: member.id, actorName: member.name, ownerId: member.id },
    // From the pool the clock starts now; an assigned lead keeps the deadline its card showed.
    ...(fromPool ? { ladder: ladderFrom(org, now, lead.reclaimAfterHours) } : {}),
  });
  if (!claimed) {
    if (fromPool) await deps.roster.unreservePoolSlot(org.id, member.id, day);
    const now2 = await deps.leads.get(org.id, id);
    if (now2?.status === 'claimed' && now2.ownerId === member.id) return now2;
    if (now2) refuseIfTaken(now2, member);
    throw new DomainError('LEAD_ALREADY_CLAIMED', { leadId: id });
  }
  await deps.notifier.publish(org.id, leadNotices(claimed));
  return claimed;
}

/** The pool's limits, each refusal saying which limit and when it frees up. */
async function reserve(
  deps: ClaimDeps,
  org: Org,
  member: Member,
  lead: Lead,
  now: Date,
  day: string,
): Promise<void> {
  if (lead.teamId && lead.teamId !== member.teamId)
    throw new DomainError('LEAD_NOT_IN_YOUR_TEAM', { leadId: lead.id });
  const cooldown = lead.cooldowns?.find((c) => c.memberId === member.id && c.until.getTime() > now.getTime());
  if (cooldown)
    throw new DomainError('CLAIM_COOLDOWN', {
      until: cooldown.until.toISOString(),
      timeZone: org.settings.timeZone,
    });
  const capacity = member.poolCapacity ?? org.settings.poolCapacity[member.level];
  const perDay = org.settings.poolClaimsPerDay[member.level];
  const outcome = await deps.roster.reservePoolSlot(org.id, member.id, { capacity, day, perDay });
  if (outcome === 'capacity') throw new DomainError('PRIVATE_POOL_FULL', { capacity });
  if (outcome === 'daily_limit') {
    throw new DomainError('POOL_CLAIM_LIMIT', {
      limit: perDay,
      until: nextLocalMidnight(now, org.settings.timeZone).toISOString(),
      timeZone: org.settings.timeZone,
    });
  }
}

function refuseIfTaken(lead: Lead, member: Member): void {
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
