import { createHash, randomBytes } from 'node:crypto';
import type { MemberId, OrgId } from '../shared/ids.js';
import type { Role } from './types.js';

/**
 * An org's API token as the service knows it: the secret itself is never stored, only its hash. A member's token
 * (`memberId`) acts as that member with their roles, team and scope as they are at each request, so its `roles`
 * are not read.
 */
export type ApiTokenGrant = {
  readonly orgId: OrgId;
  readonly name: string;
  readonly roles: readonly Role[];
  readonly memberId?: MemberId;
  /** When it was last presented (to the minute: see LAST_USED_PRECISION_MS). */
  readonly lastUsedAt?: Date;
};

export interface ApiTokenRepository {
  findByHash(hash: string): Promise<ApiTokenGrant | undefined>;
  /** Stores (or replaces, by name) the org's token with this hash. */
  save(grant: ApiTokenGrant, hash: string, prefix: string, at: Date): Promise<void>;
  /** Sets `lastUsedAt` in one conditional write, only when the stored value is older than `staleBefore`. */
  touch(tokenId: string, at: Date, staleBefore: Date): Promise<void>;
}

/**
 * `lastUsedAt` is kept to the minute: auth reads the grant on every request anyway, and writes only when the stored
 * time is a minute old, so a busy integration costs one write a minute rather than one per request (and the write
 * is conditional, so concurrent requests in the same minute change it once).
 */
export const LAST_USED_PRECISION_MS = 60_000;

export function lastUsedIsStale(lastUsedAt: Date | undefined, now: Date): boolean {
  return !lastUsedAt || now.getTime() - lastUsedAt.getTime() >= LAST_USED_PRECISION_MS;
}

export const TOKEN_PREFIX = 'lr_';

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** 32 random bytes: unguessable, so a plain hash (not a slow KDF) is the right way to store it. */
export function newTokenSecret(): string {
  return `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
}
