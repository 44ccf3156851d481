import { z } from 'zod';
import { type AuditDeps, recordAudit } from '../audit/index.js';
import { DomainError } from '../shared/errors.js';
import type { MemberId, TeamId } from '../shared/ids.js';
import { textField } from '../shared/text-field.js';
import { parseInput } from '../shared/validate.js';
import type { Caller } from './caller.js';
import type { ConnectChatDeps } from './connect-chat.js';
import { assertCan } from './permissions.js';
import type { Team } from './types.js';

const teamSchema = z
  .strictObject({
    /** The team's channel or group on the platform, where pool cards and approvals go. */
    channelId: textField().trim().min(1).max(200).optional(),
    managerId: z
      .string()
      .regex(/^[0-9a-f]{24}$/i, 'a member id')
      .optional(),
  })
  .refine((t) => t.channelId !== undefined || t.managerId !== undefined, {
    message: 'give channelId or managerId',
    params: { problem: { kind: 'one_of', fields: ['channelId', 'managerId'] } },
  });

/** Sets a team's channel and/or manager. */
export async function configureTeam(
  deps: ConnectChatDeps & AuditDeps,
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
  // The new values only: the team as it was is not read (no extra read per change); the previous entry has it.
  await recordAudit(deps, caller, {
    kind: 'team.update',
    target: { type: 'team', id, label: team.name },
    after: patch,
  });
  return team;
}
