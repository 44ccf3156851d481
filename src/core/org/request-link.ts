import { z } from 'zod';
import type { Clock } from '../shared/clock.js';
import { DomainError } from '../shared/errors.js';
import type { MemberId } from '../shared/ids.js';
import type { Notice, Notifier } from '../shared/notices.js';
import { parseInput } from '../shared/validate.js';
import type { Caller } from './caller.js';
import type { MemberRepository } from './ports.js';
import type { Member, PlatformIdentity } from './types.js';

export type LinkDeps = {
  readonly members: MemberRepository;
  readonly notifier: Notifier;
  readonly clock: Clock;
};

/** What an admin's card carries: who asks to be linked as whom. */
export type LinkRequestData = {
  readonly memberId: MemberId;
  readonly memberName: string;
  readonly platform: PlatformIdentity['platform'];
  readonly userId: string;
  readonly state: 'pending' | 'approved' | 'rejected';
  readonly decidedBy?: string;
};

const whoSchema = z.string().trim().min(1, 'say who you are: /link 张伟').max(100);

/**
 * A chat user not linked to any member asks to be linked (`/link 张伟`): the org's admins get a card to approve or
 * reject. Nothing changes until an admin approves; a user id already linked, or a name that fits no one (or two
 * people), is refused with what to do instead.
 */
export async function requestLink(
  deps: LinkDeps,
  caller: Caller,
  input: { readonly user: PlatformIdentity; readonly name: string },
): Promise<Member> {
  const { org } = caller;
  const { user } = input;
  const name = parseInput(whoSchema, input.name);
  const everyone = await deps.members.list(org.id, { activeOnly: true });
  const matches = everyone.filter((m) => m.name === name || m.id === name);
  if (matches.length !== 1) throw new DomainError('MEMBER_NOT_FOUND', { name, matches: matches.length });
  const member = matches[0]!;
  if (member.identities.some((i) => i.platform === user.platform)) {
    throw new DomainError('CONFLICT', {
      field: 'identities',
      hint: 'this member is already linked; ask an admin',
    });
  }
  const admins = everyone.filter((m) => m.roles.includes('admin'));
  const at = deps.clock.now().getTime();
  const data: LinkRequestData = { memberId: member.id, memberName: member.name, ...user, state: 'pending' };
  await deps.notifier.publish(
    org.id,
    admins.map(
      (admin): Notice => ({
        kind: 'member.link_request',
        to: { kind: 'member', memberId: admin.id },
        cardKey: linkCardKey(member.id, user),
        mode: 'post',
        idempotencyKey: `${linkCardKey(member.id, user)}:${at}:${admin.id}`,
        data,
      }),
    ),
  );
  return member;
}

export const linkCardKey = (memberId: MemberId, user: PlatformIdentity) =>
  `link:${memberId}:${user.platform}:${user.userId}`;

declare module '../shared/notices.js' {
  interface NoticeDataByKind {
    'member.link_request': LinkRequestData;
  }
}
