import type { Clock } from '../shared/clock.js';
import { type ApiTokenRepository, hashToken, newTokenSecret } from './api-tokens.js';
import type { Caller } from './caller.js';
import { assertCan } from './permissions.js';
import type { Role } from './types.js';

export type IssueTokenDeps = { readonly tokens: ApiTokenRepository; readonly clock: Clock };

/**
 * Issues (or rotates, by name) an API token for the actor's org and returns the secret, which is shown once.
 * `secret` may be given to make a known token (the demo's DEMO_API_TOKEN).
 */
export async function issueApiToken(
  deps: IssueTokenDeps,
  caller: Caller,
  input: { name: string; roles: readonly Role[]; secret?: string },
): Promise<string> {
  assertCan(caller, 'token.issue');
  const secret = input.secret ?? newTokenSecret();
  await deps.tokens.save(
    { orgId: caller.org.id, name: input.name, roles: input.roles },
    hashToken(secret),
    secret.slice(0, 8),
    deps.clock.now(),
  );
  return secret;
}
