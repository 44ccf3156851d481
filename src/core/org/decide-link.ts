import { DomainError } from '../shared/errors.js';
import type { MemberId } from '../shared/ids.js';
import { actingMember, type Caller } from './caller.js';
import { assertCan } from './permissions.js';
import { type LinkDeps, type LinkRequestData, linkCardKey } from './request-link.js';
import type { Member, PlatformIdentity } from './types.js';

/** An admin approves (the user id becomes the member's identity on that platform) or rejects a link request. */
export async function decideLink(
  deps: LinkDeps,
  caller: Caller,
  input: {
    readonly request: { memberId: MemberId; platform: PlatformIdentity['platform']; userId: string };
    readonly approve: boolean;
  },
): Promise<Member> {
  assertCan(caller, 'org.configure');
  const { request, approve } = input;
  const admin = actingMember(caller, 'org.configure');
  const orgId = caller.org.id;
  const member = await deps.members.get(orgId, request.memberId);
  if (!member) throw new DomainError('MEMBER_NOT_FOUND', { memberId: request.memberId });
  const user = { platform: request.platform, userId: request.userId };
  let result = member;
  if (approve) {
    const holder = await deps.members.findByIdentity(orgId, user.platform, user.userId);
    if (holder && holder.id !== member.id)
      throw new DomainError('CONFLICT', { field: 'identities', heldBy: holder.id });
    const identities = [...member.identities.filter((i) => i.platform !== user.platform), user];
    result = (await deps.members.setIdentities(orgId, member.id, identities)) ?? member;
  }
  const data: LinkRequestData = {
    memberId: member.id,
    memberName: member.name,
    ...user,
    state: approve ? 'approved' : 'rejected',
    decidedBy: admin.name,
  };
  const key = linkCardKey(member.id, user);
  const stamp = deps.clock.now().getTime();
  await deps.notifier.publish(orgId, [
    {
      kind: 'member.link_request',
      to: { kind: 'member', memberId: admin.id },
      cardKey: key,
      mode: 'update',
      idempotencyKey: `${key}:decided:${stamp}`,
      data,
    },
    // Now linked, the member can be reached on the platform: tell them.
    ...(approve
      ? [
          {
            kind: 'member.link_request' as const,
            to: { kind: 'member' as const, memberId: member.id },
            mode: 'post' as const,
            idempotencyKey: `${key}:welcome:${stamp}`,
            data,
          },
        ]
      : []),
  ]);
  return result;
}
