import type { Caller } from './caller.js';
import type { ApiTokenSummary, ManageTokenDeps } from './managed-api-tokens.js';
import { listOwnTokens } from './member-tokens.js';
import { can } from './permissions.js';

/** The org's tokens without their secrets for admins; anyone else (a member's own token) lists their own. */
export async function listApiTokens(
  deps: Pick<ManageTokenDeps, 'tokens'>,
  caller: Caller,
  _input: Record<string, never> = {},
): Promise<ApiTokenSummary[]> {
  if (can(caller, 'token.issue')) return deps.tokens.list(caller.org.id);
  return listOwnTokens(deps, caller);
}
