import Router from '@koa/router';
import type Koa from 'koa';
import type { Logger } from 'pino';
import type { DueLeadsDeps } from '../core/follow-ups/index.js';
import type { IntakeDeps } from '../core/leads/intake-lead.js';
import { createHttpApp } from '../http/create-http-app.js';
import { dashboardRouters, dashboardSession } from '../http/dashboard/dashboard-wiring.js';
import { apiAuth } from '../http/middleware/api-auth.js';
import { tokenRole } from '../http/middleware/token-role.js';
import { type AfterSalesRouteDeps, afterSalesRoutes } from '../http/routes/after-sales-routes.js';
import { auditRoutes } from '../http/routes/audit-routes.js';
import { type BackupRouteDeps, backupRoutes } from '../http/routes/backup-routes.js';
import { campaignRoutes } from '../http/routes/campaign-routes.js';
import { customerRoutes } from '../http/routes/customer-routes.js';
import { exportRoutes } from '../http/routes/export-routes.js';
import { followUpRoutes } from '../http/routes/follow-up-routes.js';
import { healthRoutes } from '../http/routes/health-routes.js';
import { IMPORT_PATH, importRoutes } from '../http/routes/import-routes.js';
import { leadRoutes } from '../http/routes/lead-routes.js';
import { leadStageRoutes } from '../http/routes/lead-stage-routes.js';
import { type MetricsRouteDeps, metricsRoutes } from '../http/routes/metrics-routes.js';
import { offboardingRoutes } from '../http/routes/offboarding-routes.js';
import { ORDER_IMPORT_PATH, orderRoutes } from '../http/routes/order-routes.js';
import { orgRoutes } from '../http/routes/org-routes.js';
import { reportRoutes } from '../http/routes/report-routes.js';
import { routingRoutes } from '../http/routes/routing-routes.js';
import { tokenRoutes } from '../http/routes/token-routes.js';
import { type ImportLimits, importLimitsOf } from '../import/import-limits.js';
import type { ServiceMetrics } from '../metrics/service-metrics.js';
import type { Platforms } from './build-platforms.js';
import type { Storage } from './build-storage.js';
import { type EdgeSettings, edgeSettings } from './edge-settings.js';
import { loopbackOnly } from './loopback-only.js';

export type HttpDeps = {
  readonly log: Logger;
  readonly bodyLimit: string;
  /** Serve the sandbox to other machines too (it is unauthenticated); loopback only otherwise. */
  readonly sandboxAllowRemote?: boolean | undefined;
  /** Behind a reverse proxy: client addresses from its X-Forwarded-For hop (TRUST_PROXY). */
  readonly trustProxy?: boolean | undefined;
  /** The after-sales API's ports; its routes are not mounted without them (a builder test's app). */
  readonly afterSalesDeps?: AfterSalesRouteDeps;
  readonly intakeDeps: IntakeDeps & DueLeadsDeps;
  /** Whether this process runs the scheduled jobs: readiness then waits for the scheduler. */
  readonly jobsEnabled: boolean;
  /** Import limits and rate limits; the config table's defaults when absent. */
  readonly edge?: EdgeSettings;
  /** PUBLIC_URL: the dashboard's session cookie is Secure when it is https. */
  readonly publicUrl?: string | undefined;
  /** Backups' API (core/backups); not mounted without it. */
  readonly backups?: BackupRouteDeps;
  /** The service's metrics: requests are counted; `/metrics` is served here unless `metricsOnOwnPort`. */
  readonly metrics?: ServiceMetrics;
  /** METRICS_TOKEN, accepted besides an admin API token on this port's `/metrics`. */
  readonly metricsToken?: string | undefined;
  /** METRICS_PORT is set: `/metrics` is served there (serve-metrics.ts), not on this port. */
  readonly metricsOnOwnPort?: boolean;
  /** The outbox's readiness check: the most overdue message's age in seconds, and the limit. */
  readonly outboxReadiness?: { readonly ageSeconds: () => Promise<number>; readonly maxAgeSeconds: number };
};

/**
 * The Koa app: health, the API behind token auth, the platforms' webhooks and the sandbox. Readiness reads two
 * switches the returned object flips: `stopAccepting` (shutdown began) and `setJobsRunning` (the scheduler's state).
 */
export function buildHttp(
  storage: Storage,
  platforms: Pick<Platforms, 'routers' | 'rawBodyPaths' | 'sandboxRouters'>,
  deps: HttpDeps,
) {
  const { orgs, members, teams, tokens, followUps, customers, orders, pendingCustomers, audit } =
    storage.repos;
  const edge = deps.edge ?? edgeSettings();
  const importLimits: ImportLimits = importLimitsOf(edge);
  let accepting = true;
  let jobsRunning: () => boolean = () => !deps.jobsEnabled;

  const dashboard = dashboardRouters(storage, deps.intakeDeps.clock, deps.publicUrl);
  const api = new Router({ prefix: '/api/v1' });
  const people = { members, teams, clock: deps.intakeDeps.clock };
  api.use(apiAuth(tokens, orgs, dashboardSession(storage, deps.intakeDeps.clock), people), tokenRole);
  for (const router of [
    orgRoutes({ orgs, members, teams, audit }),
    offboardingRoutes({
      ...{ offboarding: storage.repos.offboarding, members, teams, tasks: storage.repos.tasks },
      ...{ notifier: deps.intakeDeps.notifier, clock: deps.intakeDeps.clock, audit },
    }),
    auditRoutes({ auditReader: audit }),
    leadRoutes(deps.intakeDeps),
    followUpRoutes({ ...deps.intakeDeps, followUps, customers, orders, pendingCustomers, members }),
    importRoutes(deps.intakeDeps, importLimits),
    routingRoutes({ orgs, teams, members, audit }),
    tokenRoutes({ tokens, members, audit, clock: deps.intakeDeps.clock }),
    ...(deps.afterSalesDeps ? [afterSalesRoutes(deps.afterSalesDeps)] : []),
    ...stageRouters(storage, deps, importLimits),
    ...reportRouters(storage, deps),
    dashboard.api,
    ...(deps.backups ? [backupRoutes({ ...deps.backups, audit })] : []),
    exportRoutes({
      source: storage.repos.exportSource,
      members,
      teams,
      clock: deps.intakeDeps.clock,
      log: deps.log,
      audit,
    }),
  ]) {
    api.use(router.routes(), router.allowedMethods());
  }
  const health = healthRoutes({
    database: storage.ping,
    jobs: () => jobsRunning(),
    accepting: () => accepting,
    ...(deps.outboxReadiness
      ? {
          outboxAgeSeconds: deps.outboxReadiness.ageSeconds,
          outboxMaxAgeSeconds: deps.outboxReadiness.maxAgeSeconds,
        }
      : {}),
  });
  const routers: Router[] = [health, api, dashboard.page, ...platforms.routers];
  if (deps.metrics && !deps.metricsOnOwnPort) {
    const access: MetricsRouteDeps['access'] = {
      tokens,
      ...(deps.metricsToken ? { metricsToken: deps.metricsToken } : {}),
    };
    routers.push(metricsRoutes({ registry: deps.metrics.registry, access }));
  }
  if (platforms.sandboxRouters.length > 0) routers.push(sandbox(platforms.sandboxRouters, deps));
  const http: Koa = createHttpApp({
    log: deps.log,
    bodyLimit: deps.bodyLimit,
    routers,
    rawBodyPaths: [IMPORT_PATH, ORDER_IMPORT_PATH, ...platforms.rawBodyPaths],
    rateLimits: { perAddress: edge.RATE_LIMIT_IP_PER_MINUTE, perToken: edge.RATE_LIMIT_TOKEN_PER_MINUTE },
    trustProxy: deps.trustProxy ?? false,
    ...(deps.metrics ? { metrics: deps.metrics } : {}),
  });
  return {
    http,
    /** Readiness follows the scheduler once it exists. */
    setJobsRunning(check: () => boolean) {
      jobsRunning = check;
    },
    stopAccepting() {
      accepting = false;
    },
  };
}

/** The sandbox's routers behind the loopback guard (a router's own middleware runs only for its matched routes). */
function sandbox(routers: readonly Router[], deps: HttpDeps): Router {
  const guarded = new Router();
  if (!deps.sandboxAllowRemote) guarded.use(loopbackOnly());
  for (const router of routers) guarded.use(router.routes(), router.allowedMethods());
  return guarded;
}

/** Reports (core/reports): the figures' API and exports, and the campaign costs they spread. */
function reportRouters(storage: Storage, deps: HttpDeps): Router[] {
  const { reports, campaigns, teams, members, afterSalesFigures } = storage.repos;
  const { clock } = deps.intakeDeps;
  return [
    reportRoutes({ reports, campaigns, teams, members, afterSalesFigures, clock }),
    campaignRoutes({ campaigns, clock }),
  ] as Router[];
}

/** 客户阶段, customers and orders: the stage change and the customer reads (core/customers). */
function stageRouters(storage: Storage, deps: HttpDeps, limits: ImportLimits): Router[] {
  const { leads, customers, orders, pendingCustomers, members } = storage.repos;
  const { notifier, clock } = deps.intakeDeps;
  const { audit } = storage.repos;
  const stageDeps = { leads, customers, orders, pendingCustomers, members, notifier, clock, audit };
  return [leadStageRoutes(stageDeps), customerRoutes(stageDeps), orderRoutes(stageDeps, limits)] as Router[];
}
