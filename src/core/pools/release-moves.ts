import type {
  Lead,
  LeadChange,
  OwnershipEventType,
  PendingRelease,
  ReleaseRecord,
  RosterMember,
} from '../leads/index.js';
import type { Org } from '../org/index.js';
import type { MemberId } from '../shared/ids.js';
import { ladderFrom, ladderStart } from './ladder.js';

// What an owned lead carries that a pooled one must not: the owner, the clock and any pending decision.
export const OWNERSHIP_FIELDS = [
  'ownerId',
  'ownerName',
  'assignedAt',
  'claimedAt',
  'followUpStatus',
  'nudgeAt',
  'managerAt',
  'reclaimAt',
  'dueStep',
  'dueAt',
  'pendingRelease',
  // The contact plan is the owner's: a lead back in the pool has none (the next owner plans their own).
  'plan',
] as const satisfies readonly (keyof Lead)[];

const HOUR_MS = 3_600_000;

/**
 * The lead's cooldowns after `memberId` starts one at `at`: the list read, minus the ones over by then and any older
 * one of the same member, plus the new one. Sent whole in the change (its write is conditional on the version read,
 * so nothing added meanwhile is lost): expired cooldowns go in the same write that adds one, and the list stays as
 * long as the members currently cooling down.
 */
function cooldownsAfter(
  org: Org,
  lead: Pick<Lead, 'cooldowns'>,
  memberId: MemberId,
  at: Date,
): NonNullable<Lead['cooldowns']> {
  const until = new Date(at.getTime() + org.settings.claimCooldownHours * HOUR_MS);
  const live = (lead.cooldowns ?? []).filter(
    (c) => c.memberId !== memberId && c.until.getTime() > at.getTime(),
  );
  return [...live, { memberId, until }];
}

/** The lead goes back to its team's public pool; the one who had it may not claim it back for the cooldown. */
export function toPoolChange(
  org: Org,
  lead: Pick<Lead, 'cooldowns'>,
  record: ReleaseRecord,
  type: OwnershipEventType,
  actor?: { id: MemberId; name: string },
): LeadChange {
  return {
    set: { status: 'pooled', cooldowns: cooldownsAfter(org, lead, record.originalOwnerId, record.at) },
    unset: OWNERSHIP_FIELDS,
    event: {
      type,
      at: record.at,
      ...(actor ? { actorId: actor.id, actorName: actor.name } : {}),
      fromOwnerId: record.originalOwnerId,
      reason: record.reason,
      release: record,
    },
  };
}

/** An important lead stays with its owner, clock stopped, until a director decides. */
export function pendingChange(record: PendingRelease, actor?: { id: MemberId; name: string }): LeadChange {
  return {
    set: { pendingRelease: record },
    unset: ['dueStep', 'dueAt'],
    event: {
      type: 'release_requested',
      at: record.at,
      ...(actor ? { actorId: actor.id, actorName: actor.name } : {}),
      fromOwnerId: record.originalOwnerId,
      reason: record.reason,
      release: record,
    },
  };
}

/**
 * The lead becomes someone's with a fresh, unfollowed clock: the next rep after a reclaim (`assigned`, to be
 * claimed), or the director's choice (`claimed`: the decision is the hand-over).
 */
export function handOverChange(
  org: Org,
  lead: Lead,
  to: { id: MemberId; name: string },
  status: 'assigned' | 'claimed',
  event: LeadChange['event'],
): LeadChange {
  const at = event.at;
  const previous = lead.ownerId;
  return {
    set: {
      status,
      ownerId: to.id,
      ownerName: to.name,
      assignedAt: at,
      ...(status === 'claimed' ? { claimedAt: at } : {}),
      followUpStatus: 'unfollowed',
      ...ladderStart(ladderFrom(org, at, lead.reclaimAfterHours)),
      ...(previous && previous !== to.id ? { cooldowns: cooldownsAfter(org, lead, previous, at) } : {}),
    },
    unset: ['pendingRelease', ...(status === 'assigned' ? (['claimedAt'] as const) : [])],
    event,
  };
}

/** Who may be handed a lead: an active, available rep other than its current owner. */
export function isHandOverCandidate(m: RosterMember, ownerId: MemberId | undefined): boolean {
  return m.active && !m.onLeave && m.roles.includes('rep') && m.memberId !== ownerId;
}

/** Who a director may give a lead to: the team's hand-over candidates. */
export function releaseCandidates(roster: readonly RosterMember[], ownerId: MemberId | undefined) {
  return roster
    .filter((m) => isHandOverCandidate(m, ownerId))
    .map((m) => ({ memberId: m.memberId, name: m.name }));
}
