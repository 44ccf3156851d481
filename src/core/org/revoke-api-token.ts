import { type AuditDeps, recordAudit } from '../audit/index.js';
import { DomainError } from '../shared/errors.js';
import type { Caller } from './caller.js';
import { tokenTarget } from './create-api-token.js';
import type { ApiTokenSummary, ManageTokenDeps } from './managed-api-tokens.js';
import { assertCan } from './permissions.js';

/**
 * Revokes one of the org's tokens (admins only). Auth looks tokens up on every request and skips revoked ones, so
 * the next request with it is a 401: nothing caches a grant.
 */
export async function revokeApiToken(
  deps: ManageTokenDeps & AuditDeps,
  caller: Caller,
  input: { readonly tokenId: string },
): Promise<ApiTokenSummary> {
  assertCan(caller, 'token.issue');
  const token = await deps.tokens.revoke(caller.org.id, input.tokenId, deps.clock.now());
  if (!token) throw new DomainError('NOT_FOUND', { tokenId: input.tokenId });
  await recordAudit(deps, caller, { kind: 'token.revoke', target: tokenTarget(token) });
  return token;
}
