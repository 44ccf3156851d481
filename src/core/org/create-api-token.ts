import { z } from 'zod';
import { type AuditDeps, recordAudit } from '../audit/index.js';
import { validationFailed } from '../shared/errors.js';
import { textField } from '../shared/text-field.js';
import { parseInput } from '../shared/validate.js';
import { hashToken, newTokenSecret } from './api-tokens.js';
import type { Caller } from './caller.js';
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
  const secret = newTokenSecret();
  const token = await deps.tokens.create(
    caller.org.id,
    { name, role, hash: hashToken(secret), prefix: secret.slice(0, 8) },
    deps.clock.now(),
  );
  if (!token)
    throw validationFailed([
      { field: 'name', message: 'this org already has a token of that name', problem: { kind: 'duplicate' } },
    ]);
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
