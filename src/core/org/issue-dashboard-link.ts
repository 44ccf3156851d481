import type { Clock } from '../shared/clock.js';
import { hashToken } from './api-tokens.js';
import { actingMember, type Caller } from './caller.js';
import { DASHBOARD_LINK_MS, type DashboardAccessStore } from './dashboard-link.js';
import { assertCanSeeReports } from './dashboard-scope.js';
import { newDashboardSecret } from './dashboard-secret.js';

export type DashboardLinkDeps = { readonly access: DashboardAccessStore; readonly clock: Clock };

/**
 * `/看板`: a one-time sign-in link for the member who asked, good for 10 minutes. Only its hash is stored; the
 * secret goes once into the member's private reply. A member whose role sees no figure is refused here, not later.
 */
export async function issueDashboardLink(
  deps: DashboardLinkDeps,
  caller: Caller,
): Promise<{ readonly token: string; readonly expiresAt: Date }> {
  const member = actingMember(caller, 'dashboard.open');
  assertCanSeeReports(caller);
  const token = newDashboardSecret();
  const createdAt = deps.clock.now();
  const expiresAt = new Date(createdAt.getTime() + DASHBOARD_LINK_MS);
  await deps.access.saveLink({
    ...{ orgId: caller.org.id, memberId: member.id, linkHash: hashToken(token) },
    ...{ createdAt, expiresAt },
  });
  return { token, expiresAt };
}
