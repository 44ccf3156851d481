import { randomBytes } from 'node:crypto';

/** 32 random bytes, URL-safe: unguessable, so a plain SHA-256 (hashToken) is the right way to store it. */
export function newDashboardSecret(): string {
  return randomBytes(32).toString('base64url');
}
