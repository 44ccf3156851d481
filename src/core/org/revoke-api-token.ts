import { type AuditDeps, recordAudit } from '../audit/index.js';
import { DomainError } from '../shared/errors.js';
import type { Caller } from './caller.js';
import { tokenTarget } from './create-api-token.js';
import type { ApiTokenSummary, ManageTokenDeps } from './managed-api-tokens.js';
import { assertCan, can } from './permissions.js';

/**
 * Revokes one of the org's tokens: admins any, a member (with their own token, say) only their own. Auth looks tokens up on every request and skips revoked ones, so
 * the next request with it is a 401: nothing caches a grant.
 */
export async function revokeApiToken(
  deps: ManageTokenDeps & AuditDeps,
  caller: Caller,
  input: { readonly tokenId: string },
): Promise<ApiTokenSummary> {
  const admin = can(caller, 'token.issue');
  if (!admin) assertCan(caller, 'token.issue_own');
  // A member's revocation is filtered to their tokens in the write itself: another's id is a 404, not a 403.
  const owner = !admin && caller.member ? { memberId: caller.member.id } : undefined;
  if (!admin && !owner) throw new DomainError('FORBIDDEN', { action: 'token.issue', roles: caller.roles });
  const revoked = await deps.tokens.revoke(caller.org.id, input.tokenId, deps.clock.now(), owner);
  if (!revoked) throw new DomainError('NOT_FOUND', { tokenId: input.tokenId });
  // The API answers the token as listed; whether this call was the one that revoked it is not part of it.
  const { revokedNow, ...token } = revoked;
  // A repeated DELETE (a retry, a double click) changes nothing, so it leaves no second entry in the trail.
  if (revokedNow) await recordAudit(deps, caller, { kind: 'token.revoke', target: tokenTarget(token) });
  return token;
}
