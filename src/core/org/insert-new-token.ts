import { validationFailed } from '../shared/errors.js';
import type { OrgId } from '../shared/ids.js';
import { hashToken, newTokenSecret } from './api-tokens.js';
import type { ApiTokenSummary, ManageTokenDeps, NewApiToken } from './managed-api-tokens.js';

type TokenFields = NewApiToken extends infer T
  ? T extends unknown
    ? Omit<T, 'hash' | 'prefix'>
    : never
  : never;

/**
 * Makes a secret and stores only its hash, for an org token and a member's alike: `fields` gets the secret's prefix
 * (a member's unnamed token is named after it). A name the org already has is a `name` field error.
 */
export async function insertNewToken(
  deps: ManageTokenDeps,
  orgId: OrgId,
  fields: (prefix: string) => TokenFields,
): Promise<{ token: ApiTokenSummary; secret: string }> {
  const secret = newTokenSecret();
  const prefix = secret.slice(0, 8);
  const token = await deps.tokens.create(
    orgId,
    { ...fields(prefix), hash: hashToken(secret), prefix } as NewApiToken,
    deps.clock.now(),
  );
  if (!token)
    throw validationFailed([
      { field: 'name', message: 'this org already has a token of that name', problem: { kind: 'duplicate' } },
    ]);
  return { token, secret };
}
