import { z } from 'zod';
import { DomainError } from '../shared/errors.js';
import type { MemberId, TeamId } from '../shared/ids.js';
import { parseInput } from '../shared/validate.js';
import type { Actor } from './caller.js';
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
export async function connectChat(deps: ConnectChatDeps, actor: Actor, raw: unknown): Promise<Org> {
  assertCan(actor, 'org.configure');
  const chat = parseInput(chatSchema, raw);
  const org = await deps.orgs.setChat(actor.orgId, chat);
  if (!org) throw new DomainError('ORG_NOT_FOUND', { orgId: actor.orgId });
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
  actor: Actor,
  id: TeamId,
  raw: unknown,
): Promise<Team> {
  assertCan(actor, 'org.configure');
  const patch = parseInput(teamSchema, raw);
  if (patch.managerId && !(await deps.members.get(actor.orgId, patch.managerId as MemberId))) {
    throw new DomainError('MEMBER_NOT_FOUND', { memberId: patch.managerId });
  }
  const team = await deps.teams.update(actor.orgId, id, {
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
  actor: Actor,
  id: MemberId,
  raw: unknown,
): Promise<Member> {
  assertCan(actor, 'org.configure');
  const { identities } = parseInput(identitiesSchema, raw);
  for (const identity of identities) {
    const holder = await deps.members.findByIdentity(actor.orgId, identity.platform, identity.userId);
    if (holder && holder.id !== id) {
      throw new DomainError('CONFLICT', { field: 'identities', heldBy: holder.id, ...identity });
    }
  }
  const member = await deps.members.setIdentities(actor.orgId, id, identities);
  if (!member) throw new DomainError('MEMBER_NOT_FOUND', { memberId: id });
  return member;
}
