import type Router from '@koa/router';
import type { Context } from 'koa';
import type { ReportDeps, ReportItemDeps } from '../../core/reports/index.js';
import type { Clock } from '../../core/shared/clock.js';
import type { SessionAuth } from '../middleware/api-auth.js';
import { dashboardApiRoutes } from './dashboard-api-routes.js';
import { dashboardRoutes } from './dashboard-routes.js';
import { type SessionDeps, sessionCaller } from './session-caller.js';

/** The repositories the dashboard reads (the storage builder's, by name). */
type DashboardRepos = Omit<SessionDeps, 'clock'> &
  Omit<ReportDeps, 'clock' | 'members'> &
  Omit<ReportItemDeps, 'clock' | 'members'> & {
    readonly members: SessionDeps['members'] & ReportDeps['members'];
  };
type Storage = { readonly repos: DashboardRepos };

const READS = new Set(['GET', 'HEAD']);

/**
 * A dashboard session reads the reports and their drill-down lists, and downloads exports in its member's scope
 * (core/exports); nothing else of the API, and never writes.
 */
export const sessionPaths = (ctx: Pick<Context, 'method' | 'path'>) =>
  READS.has(ctx.method) &&
  (ctx.path.startsWith('/api/v1/reports/') || ctx.path.startsWith('/api/v1/exports/'));

/** The API auth's session side: the cookie's member, on the report paths only. */
export function dashboardSession(storage: Storage, clock: Clock): SessionAuth {
  const { dashboardAccess, orgs, members, teams } = storage.repos;
  return {
    accepts: sessionPaths,
    callerOf: (ctx) => sessionCaller({ dashboardAccess, orgs, members, teams, clock }, ctx),
  };
}

/** The page (outside /api) and its two API routes (inside /api/v1, behind the API auth). */
export function dashboardRouters(storage: Storage, clock: Clock, publicUrl: string | undefined) {
  const { dashboardAccess, orgs, members, teams, reports, campaigns, afterSalesFigures, reportItems } =
    storage.repos;
  return {
    page: dashboardRoutes({ dashboardAccess, orgs, members, teams, clock, publicUrl }),
    api: dashboardApiRoutes({
      ...{ reports, campaigns, teams, members, afterSalesFigures, reportItems, clock },
    }) as unknown as Router,
  };
}
