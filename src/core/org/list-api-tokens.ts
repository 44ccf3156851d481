import type { Caller } from './caller.js';
import type { ApiTokenSummary, ManageTokenDeps } from './managed-api-tokens.js';
import { assertCan } from './permissions.js';

/** The org's tokens without their secrets, for the admins who manage them. */
export async function listApiTokens(
  deps: Pick<ManageTokenDeps, 'tokens'>,
  caller: Caller,
  _input: Record<string, never> = {},
): Promise<ApiTokenSummary[]> {
  assertCan(caller, 'token.issue');
  return deps.tokens.list(caller.org.id);
}
