import type { Lead, LeadChange } from '../leads/index.js';
import { findLead, type LeadRef, leadNotices } from '../leads/index.js';
import type { Member, Org } from '../org/index.js';
import { actingMember, assertCan, type Caller } from '../org/index.js';
import { DomainError } from '../shared/errors.js';
import { localDay, nextLocalMidnight } from '../shared/local-day.js';
import { ladderFrom, ladderStart } from './ladder.js';
import { assertClaimable, assertInternMayHave, assertPoolClaimAllowed } from './lead-rules.js';
import type { ClaimDeps } from './ports.js';

/**
 * A member claims a lead: their own assigned lead from its card, or a pooled one of their team. The race is decided
 * by one conditional write (only an unowned or own-assigned lead can be claimed), so of any number of simultaneous
 * clicks exactly one wins; the others are told who has it. A pool claim first reserves a private-pool slot and one
 * of the day's pool claims (one conditional write) and gives them back if the claim is lost.
 */
export async function claimLead(
  deps: ClaimDeps,
  caller: Caller,
  input: { readonly leadId: LeadRef },
): Promise<Lead> {
  assertCan(caller, 'lead.claim');
  const member = actingMember(caller, 'lead.claim');
  const { org } = caller;
  const lead = await findLead(deps.leads, org.id, input.leadId);
  const id = lead.id;
  // A second click of the winner (or a platform retry that got past dedupe) changes nothing.
  if (lead.status === 'claimed' && lead.ownerId === member.id) return lead;
  assertClaimable(lead, member);
  assertInternMayHave(lead, member);

  const now = deps.clock.now();
  const fromPool = lead.status === 'pooled';
  const day = localDay(now, org.settings.timeZone);
  if (fromPool) await reserve(deps, org, member, lead, now, day);
  const claimed = await deps.leads.updateIf(
    org.id,
    id,
    { claimableBy: member.id },
    claimChange(org, member, lead, now),
  );
  if (!claimed) {
    if (fromPool) await deps.roster.unreservePoolSlot(org.id, member.id, day);
    const now2 = await deps.leads.get(org.id, id);
    if (now2?.status === 'claimed' && now2.ownerId === member.id) return now2;
    if (now2) assertClaimable(now2, member);
    throw new DomainError('LEAD_ALREADY_CLAIMED', { leadId: id });
  }
  await deps.notifier.publish(org.id, leadNotices(claimed));
  return claimed;
}

/** The claim as a change: the claimer owns it; from the pool the clock starts now (the ladder's first step). */
function claimChange(org: Org, member: Member, lead: Lead, now: Date): LeadChange {
  const fromPool = lead.status === 'pooled';
  return {
    set: {
      status: 'claimed',
      ownerId: member.id,
      ownerName: member.name,
      claimedAt: now,
      // An assigned lead keeps the deadline its card showed.
      ...(fromPool
        ? {
            assignedAt: now,
            followUpStatus: 'unfollowed' as const,
            ...ladderStart(ladderFrom(org, now, lead.reclaimAfterHours)),
          }
        : {}),
    },
    event: { type: 'claimed', at: now, actorId: member.id, actorName: member.name, ownerId: member.id },
  };
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
  assertPoolClaimAllowed(lead, member, now, org.settings.timeZone);
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
