import { z } from 'zod';
import { DomainError } from '../shared/errors.js';
import type { MemberId, TeamId } from '../shared/ids.js';
import { parseInput } from '../shared/validate.js';
import type { Caller } from './caller.js';
import { assertCan } from './permissions.js';
import type { MemberRepository, OrgRepository, TeamRepository } from './ports.js';
import { type Member, type Org, PLATFORMS, type Team } from './types.js';

export type ConnectChatDeps = { orgs: OrgRepository; teams: TeamRepository; members: MemberRepository };

const chatSchema = z.strictObject({
  platform: z.enum(PLATFORMS),
  /** Slack team id (T…), DingTalk corpId, WeCom corp id: what inbound events name. */
  workspaceId: z.string().trim().min(1).max(100),
});

/** Moves the org to a chat workspace (one write); a workspace already taken by another org is a conflict. */
export async function connectChat(
  deps: ConnectChatDeps,
  caller: Caller,
  input: { readonly chat: unknown },
): Promise<Org> {
  assertCan(caller, 'org.configure');
  const chat = parseInput(chatSchema, input.chat);
  const org = await deps.orgs.setChat(caller.org.id, chat);
  if (!org) throw new DomainError('ORG_NOT_FOUND', { orgId: caller.org.id });
  return org;
}

const teamSchema = z
  .strictObject({
    /** The team's channel or group on the platform, where pool cards and approvals go. */
    channelId: z.string().trim().min(1).max(200).optional(),
    managerId: z
      .string()
      .regex(/^[0-9a-f]{24}$/i, 'a member id')
      .optional(),
  })
  .refine((t) => t.channelId !== undefined || t.managerId !== undefined, {
    message: 'give channelId or managerId',
  });

/** Sets a team's channel and/or manager. */
export async function configureTeam(
  deps: ConnectChatDeps,
  caller: Caller,
  input: { readonly teamId: TeamId; readonly patch: unknown },
): Promise<Team> {
  assertCan(caller, 'org.configure');
  const id = input.teamId;
  const patch = parseInput(teamSchema, input.patch);
  if (patch.managerId && !(await deps.members.get(caller.org.id, patch.managerId as MemberId))) {
    throw new DomainError('MEMBER_NOT_FOUND', { memberId: patch.managerId });
  }
  const team = await deps.teams.update(caller.org.id, id, {
    ...(patch.channelId ? { channelId: patch.channelId } : {}),
    ...(patch.managerId ? { managerId: patch.managerId as MemberId } : {}),
  });
  if (!team) throw new DomainError('TEAM_NOT_FOUND', { teamId: id });
  return team;
}

const identitiesSchema = z.strictObject({
  identities: z
    .array(z.strictObject({ platform: z.enum(PLATFORMS), userId: z.string().trim().min(1).max(100) }))
    .max(PLATFORMS.length),
});

/**
 * Sets a member's chat user ids (configured identity): clicks and commands from those users act as this member.
 * A user id already held by another member of the org is a conflict, named in the answer.
 */
export async function setIdentities(
  deps: ConnectChatDeps,
  caller: Caller,
  input: { readonly memberId: MemberId; readonly identities: unknown },
): Promise<Member> {
  assertCan(caller, 'org.configure');
  const id = input.memberId;
  const { identities } = parseInput(identitiesSchema, input.identities);
  for (const identity of identities) {
    const holder = await deps.members.findByIdentity(caller.org.id, identity.platform, identity.userId);
    if (holder && holder.id !== id) {
      throw new DomainError('CONFLICT', { field: 'identities', heldBy: holder.id, ...identity });
    }
  }
  const member = await deps.members.setIdentities(caller.org.id, id, identities);
  if (!member) throw new DomainError('MEMBER_NOT_FOUND', { memberId: id });
  return member;
}
