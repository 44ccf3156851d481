import { type AuditDeps, recordAudit } from '../audit/index.js';
import { DomainError } from '../shared/errors.js';
import { actingMember, type Caller } from './caller.js';
import { tokenTarget } from './create-api-token.js';
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

/** Shorter prefixes than this would match by chance (every secret starts `lr_`). */
const MIN_PREFIX = 4;

/** What revoking by a typed reference did: revoked now, or found revoked already (a repeated command). */
export type OwnTokenRevocation = { readonly token: ApiTokenSummary; readonly alreadyRevoked: boolean };

/**
 * Revokes one of the caller's own tokens by what they typed (`/token revoke lr_AbCd`, `/令牌 撤销 报表脚本`): the
 * exact name, else the start of the prefix they were shown. Only their own tokens are searched, so a member never
 * revokes someone else's. None: TOKEN_NOT_FOUND; several live ones: TOKEN_AMBIGUOUS and nothing is revoked. A
 * reference that fits only a revoked token answers it as revoked already, so repeating the command is harmless.
 */
export async function revokeOwnToken(
  deps: ManageTokenDeps & AuditDeps,
  caller: Caller,
  input: { readonly ref: string },
): Promise<OwnTokenRevocation> {
  const mine = await listOwnTokens(deps, caller);
  const ref = input.ref.trim();
  const matches = matching(mine, ref);
  const live = matches.filter((t) => !t.revokedAt);
  if (live.length > 1) throw new DomainError('TOKEN_AMBIGUOUS', { ref, count: live.length });
  const only = live[0];
  if (!only) {
    const revoked = matches[0];
    if (revoked) return { token: revoked, alreadyRevoked: true };
    throw new DomainError('TOKEN_NOT_FOUND', { ref });
  }
  const member = actingMember(caller, 'token.issue_own');
  // The write is filtered to the member's tokens too; of two revokes at once, one writes and the other is told
  // the token was revoked already (and records nothing).
  const revoked = await deps.tokens.revoke(caller.org.id, only.id, deps.clock.now(), { memberId: member.id });
  if (!revoked) throw new DomainError('TOKEN_NOT_FOUND', { ref });
  const { revokedNow, ...token } = revoked;
  if (!revokedNow) return { token, alreadyRevoked: true };
  await recordAudit(deps, caller, { kind: 'token.revoke', target: tokenTarget(token) });
  return { token, alreadyRevoked: false };
}

/** A name is exact (names are unique in the org); otherwise the typed text starts a prefix. */
function matching(tokens: readonly ApiTokenSummary[], ref: string): ApiTokenSummary[] {
  const named = tokens.filter((t) => t.name === ref);
  if (named.length > 0) return named;
  return ref.length >= MIN_PREFIX ? tokens.filter((t) => t.prefix.startsWith(ref)) : [];
}
