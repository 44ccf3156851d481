import type { Assignment, Lead, LeadChange, OwnershipEvent } from '../leads/index.js';
import type { Caller, Member } from '../org/index.js';
import { handOverChange, OWNERSHIP_FIELDS } from '../pools/index.js';

/** The history event of an offboarding hand-over: the reason is data (`offboarding`, the leaver), never a sentence. */
function handOverEvent(caller: Caller, leaver: Member, at: Date, receiver?: Member): OwnershipEvent {
  return {
    type: 'reassigned',
    at,
    ...(caller.member ? { actorId: caller.member.id, actorName: caller.member.name } : {}),
    fromOwnerId: leaver.id,
    ...(receiver ? { ownerId: receiver.id } : {}),
    reason: { kind: 'offboarding', memberId: leaver.id, name: leaver.name },
  };
}

/**
 * One open lead of the leaver, handed to the receiver: `claimed` (the admin's decision is the hand-over, as a
 * director's decision on a release is), in the receiver's team, with a fresh unfollowed clock — or, without a
 * receiver, back to its own team's public pool. Either way the change is conditional on the version read.
 */
export function leadHandOverChange(
  caller: Caller,
  leaver: Member,
  lead: Lead,
  at: Date,
  receiver: Member | undefined,
): LeadChange {
  const event = handOverEvent(caller, leaver, at, receiver);
  if (!receiver) return { set: { status: 'pooled' }, unset: OWNERSHIP_FIELDS, event };
  const change = handOverChange(caller.org, lead, { id: receiver.id, name: receiver.name }, 'claimed', event);
  const assignment: Assignment = {
    ruleId: 'manual',
    // No rule decided it: the admin did, and the history names the leaver.
    ruleName: caller.member?.name ?? '',
    strategy: 'round_robin',
    reason: 'manual',
    ...(receiver.teamId ? { teamId: receiver.teamId } : {}),
    ownerId: receiver.id,
    teamSize: 1,
    skipped: [],
    at,
  };
  return {
    ...change,
    set: { ...change.set, ...(receiver.teamId ? { teamId: receiver.teamId } : {}), assignment },
  };
}
