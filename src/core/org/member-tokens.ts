import { DomainError } from '../shared/errors.js';
import { actingMember, type Caller } from './caller.js';
import type { ApiTokenSummary, ManageTokenDeps } from './managed-api-tokens.js';
import { assertCan } from './permissions.js';

/** The caller's own tokens (`/token list`), without secrets or hashes. */
export async function listOwnTokens(
  deps: Pick<ManageTokenDeps, 'tokens'>,
  caller: Caller,
  _input: Record<string, never> = {},
): Promise<ApiTokenSummary[]> {
  assertCan(caller, 'token.issue_own');
  const member = actingMember(caller, 'token.issue_own');
  return deps.tokens.list(caller.org.id, { memberId: member.id });
}

/**
 * Revokes one of the caller's own tokens by the prefix they were shown (`/token revoke lr_AbCd`). A prefix that
 * matches none of theirs, or more than one unrevoked, is NOT_FOUND: a member never revokes someone else's token.
 */
export async function revokeOwnToken(
  deps: ManageTokenDeps,
  caller: Caller,
  input: { readonly prefix: string },
): Promise<ApiTokenSummary> {
  const mine = await listOwnTokens(deps, caller);
  const wanted = input.prefix.trim();
  const matches = wanted.length >= 4 ? mine.filter((t) => !t.revokedAt && t.prefix.startsWith(wanted)) : [];
  const only = matches.length === 1 ? matches[0] : undefined;
  if (!only) throw new DomainError('NOT_FOUND', { prefix: wanted });
  const member = actingMember(caller, 'token.issue_own');
  const token = await deps.tokens.revoke(caller.org.id, only.id, deps.clock.now(), { memberId: member.id });
  if (!token) throw new DomainError('NOT_FOUND', { prefix: wanted });
  return token;
}
