import { z } from 'zod';
import { type AuditDeps, recordAudit } from '../audit/index.js';
import { DomainError } from '../shared/errors.js';
import type { MemberId } from '../shared/ids.js';
import { textField } from '../shared/text-field.js';
import { parseInput } from '../shared/validate.js';
import type { Caller } from './caller.js';
import { tokenTarget } from './create-api-token.js';
import { insertNewToken } from './insert-new-token.js';
import type { ApiTokenSummary, ManageTokenDeps } from './managed-api-tokens.js';
import { assertCan, can } from './permissions.js';
import type { MemberRepository } from './ports.js';

export type MemberTokenDeps = ManageTokenDeps &
  AuditDeps & { readonly members: Pick<MemberRepository, 'get'> };

const inputSchema = z.strictObject({ name: textField().trim().min(1).max(64).optional() });

/**
 * Makes a token that acts as one member (admins for anyone of the org; a member for themselves, from `/token` in a
 * direct message). It carries no roles of its own: auth reads the member at each request, so a changed role or
 * team applies at once and an inactive member's token is refused. The secret is returned this once.
 */
export async function createMemberToken(
  deps: MemberTokenDeps,
  caller: Caller,
  input: { readonly memberId: MemberId; readonly body: unknown },
): Promise<{ token: ApiTokenSummary; secret: string }> {
  const self = caller.member?.id === input.memberId;
  if (!can(caller, 'token.issue')) {
    assertCan(caller, 'token.issue_own');
    if (!self) throw new DomainError('FORBIDDEN', { action: 'token.issue', roles: caller.roles });
  }
  const { name } = parseInput(inputSchema, input.body ?? {});
  const member = await deps.members.get(caller.org.id, input.memberId);
  if (!member) throw new DomainError('MEMBER_NOT_FOUND', { memberId: input.memberId });
  if (!member.active) throw new DomainError('MEMBER_INACTIVE', { memberId: member.id });
  // Names are unique in the org; a member's unnamed token is told apart by its random prefix.
  const { token, secret } = await insertNewToken(deps, caller.org.id, (prefix) => ({
    name: name ?? `${member.name} ${prefix}`,
    memberId: member.id,
  }));
  // The name and whose it is only: never the secret, its hash or its prefix.
  await recordAudit(deps, caller, {
    kind: 'token.create',
    target: tokenTarget(token),
    after: { name: token.name, memberId: member.id, memberName: member.name },
  });
  return { token, secret };
}
