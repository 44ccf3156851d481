import { DomainError } from '../shared/errors.js';
import { hashToken } from './api-tokens.js';
import { DASHBOARD_SESSION_MS, type DashboardGrant } from './dashboard-link.js';
import { newDashboardSecret } from './dashboard-secret.js';
import type { DashboardLinkDeps } from './issue-dashboard-link.js';

/**
 * Exchanges a sign-in link for a session: one conditional write marks the link used and stores the session's hash,
 * so two clicks (or a prefetching mail scanner and the member) cannot both get one. A refused link says why.
 */
export async function openDashboardLink(
  deps: DashboardLinkDeps,
  token: string,
): Promise<DashboardGrant & { readonly sessionToken: string }> {
  const linkHash = hashToken(token);
  const sessionToken = newDashboardSecret();
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + DASHBOARD_SESSION_MS);
  const grant = await deps.access.exchange(linkHash, {
    sessionHash: hashToken(sessionToken),
    now,
    expiresAt,
  });
  if (grant) return { ...grant, sessionToken };
  const state = await deps.access.linkState(linkHash);
  throw new DomainError('DASHBOARD_LINK_INVALID', {
    reason: !state ? 'unknown' : state.used ? 'used' : 'expired',
  });
}

/** The grant of a session cookie still valid now; undefined for an unknown or expired one. */
export function findDashboardSession(
  deps: DashboardLinkDeps,
  sessionToken: string,
): Promise<DashboardGrant | undefined> {
  return deps.access.findSession(hashToken(sessionToken), deps.clock.now());
}
