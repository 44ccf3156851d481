import { z } from 'zod';
import { type AuditDeps, recordAudit } from '../audit/index.js';
import { textField } from '../shared/text-field.js';
import { parseInput } from '../shared/validate.js';
import type { Caller } from './caller.js';
import { insertNewToken } from './insert-new-token.js';
import { type ApiTokenSummary, type ManageTokenDeps, TOKEN_ROLES } from './managed-api-tokens.js';
import { assertCan } from './permissions.js';

const inputSchema = z.strictObject({
  name: textField().trim().min(1).max(64),
  role: z.enum(TOKEN_ROLES),
});

/**
 * Makes a further API token for the caller's org (admins only). The secret is returned this once and stored only as
 * its SHA-256 hash, so it cannot be shown again: a lost one is revoked and replaced.
 */
export async function createApiToken(
  deps: ManageTokenDeps & AuditDeps,
  caller: Caller,
  input: unknown,
): Promise<{ token: ApiTokenSummary; secret: string }> {
  assertCan(caller, 'token.issue');
  const { name, role } = parseInput(inputSchema, input);
  const { token, secret } = await insertNewToken(deps, caller.org.id, () => ({ name, role }));
  // The name and role only: never the secret, its hash or its prefix.
  await recordAudit(deps, caller, {
    kind: 'token.create',
    target: tokenTarget(token),
    after: { name, role },
  });
  return { token, secret };
}

export const tokenTarget = (token: ApiTokenSummary) => ({
  type: 'api_token',
  id: token.id,
  label: token.name,
});
