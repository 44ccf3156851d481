import type { Context } from 'koa';
import { type Caller, managedTeamIdsOf, memberCaller } from '../../core/org/caller.js';
import type { DashboardAccessStore } from '../../core/org/dashboard-link.js';
import { findDashboardSession } from '../../core/org/open-dashboard-link.js';
import type { MemberRepository, OrgRepository, TeamRepository } from '../../core/org/ports.js';
import { localeOf } from '../../core/org/types.js';
import type { Clock } from '../../core/shared/clock.js';

export const SESSION_COOKIE = 'leadrelay_dashboard';

export type SessionDeps = {
  readonly dashboardAccess: DashboardAccessStore;
  readonly orgs: Pick<OrgRepository, 'get'>;
  readonly members: Pick<MemberRepository, 'get'>;
  readonly teams: Pick<TeamRepository, 'list'>;
  readonly clock: Clock;
};

/**
 * The member a dashboard session cookie acts for, built as the chat registry builds a member's caller: their role
 * and teams as they are now (a member deactivated or demoted since sign-in is refused or narrowed at once).
 */
export async function sessionCaller(deps: SessionDeps, ctx: Context): Promise<Caller | undefined> {
  const token = ctx.cookies.get(SESSION_COOKIE);
  if (!token) return undefined;
  const grant = await findDashboardSession({ access: deps.dashboardAccess, clock: deps.clock }, token);
  if (!grant) return undefined;
  const [org, member] = await Promise.all([
    deps.orgs.get(grant.orgId),
    deps.members.get(grant.orgId, grant.memberId),
  ]);
  if (!org || !member?.active) return undefined;
  const managed = member.roles.includes('manager')
    ? managedTeamIdsOf(await deps.teams.list(org.id), member)
    : [];
  return memberCaller(org, member, localeOf(member, org), managed);
}

/**
 * The session cookie, written by hand rather than with `ctx.cookies.set`: Koa refuses a Secure cookie on a request
 * it did not see arrive over TLS, and behind a TLS-terminating proxy without TRUST_PROXY that is every request.
 */
export function sessionCookie(token: string, maxAgeMs: number, secure: boolean): string {
  const parts = [
    `${SESSION_COOKIE}=${token}`,
    'Path=/',
    `Max-Age=${Math.floor(maxAgeMs / 1000)}`,
    'HttpOnly',
    'SameSite=Lax',
  ];
  return (secure ? [...parts, 'Secure'] : parts).join('; ');
}
