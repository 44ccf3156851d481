import { createHash, randomBytes } from 'node:crypto';
import type { OrgId } from '../shared/ids.js';
import type { Role } from './types.js';

/** An org's API token as the service knows it: the secret itself is never stored, only its hash. */
export type ApiTokenGrant = { readonly orgId: OrgId; readonly name: string; readonly roles: readonly Role[] };

export interface ApiTokenRepository {
  findByHash(hash: string): Promise<ApiTokenGrant | undefined>;
  /** Stores (or replaces, by name) the org's token with this hash. */
  save(grant: ApiTokenGrant, hash: string, prefix: string, at: Date): Promise<void>;
}

export const TOKEN_PREFIX = 'lr_';

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** 32 random bytes: unguessable, so a plain hash (not a slow KDF) is the right way to store it. */
export function newTokenSecret(): string {
  return `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
}
