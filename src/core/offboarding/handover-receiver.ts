import { leadScope, scopeHasTeam } from '../leads/index.js';
import type { Caller, Member, MemberRepository } from '../org/index.js';
import { DomainError } from '../shared/errors.js';
import type { MemberId } from '../shared/ids.js';

/**
 * The member the leaver's leads are handed to: active, not the leaver, someone who works leads (a rep or a
 * manager) in a team, and within the caller's scope. Their daily cap and private-pool capacity are NOT checked: the
 * admin named them on purpose, the leads have to go somewhere today, and the confirmation card shows how many they
 * get (the counters still count them, so routing sends them nothing new while they are over).
 */
export async function handoverReceiver(
  members: Pick<MemberRepository, 'get'>,
  caller: Caller,
  leaver: Member,
  receiverId: MemberId,
): Promise<Member> {
  const receiver = await members.get(caller.org.id, receiverId);
  if (!receiver) throw new DomainError('MEMBER_NOT_FOUND', { memberId: receiverId, field: 'leadsTo' });
  const why =
    receiver.id === leaver.id
      ? 'leaver'
      : !receiver.active
        ? 'inactive'
        : !receiver.teamId || !receiver.roles.some((r) => r === 'rep' || r === 'manager')
          ? 'not_rep'
          : !scopeHasTeam(leadScope(caller), receiver.teamId)
            ? 'out_of_scope'
            : undefined;
  if (why) throw new DomainError('HANDOVER_RECEIVER_NOT_ELIGIBLE', { name: receiver.name, why });
  return receiver;
}
