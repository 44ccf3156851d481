import Router from '@koa/router';
import type Koa from 'koa';
import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import { sandboxAdapter } from '../adapters/sandbox/sandbox-adapter.js';
import { sandboxRoutes } from '../adapters/sandbox/sandbox-routes.js';
import type { ChatAdapter } from '../chat/chat-adapter.js';
import { registerHandlers } from '../chat/handlers/register-handlers.js';
import { type DeliverDeps, deliverOutbox } from '../chat/outbox/deliver-outbox.js';
import { outboxNotifier } from '../chat/outbox/outbox-notifier.js';
import { Registry } from '../chat/registry.js';
import { NOTICE_SWEEP_INTERVAL_MS, sweepLeadNotices } from '../core/leads/sweep-lead-notices.js';
import type { Platform } from '../core/org/types.js';
import { runLeadDeadlines } from '../core/pools/run-lead-deadlines.js';
import { type AdjustableClock, adjustableClock } from '../core/shared/clock.js';
import { createHttpApp } from '../http/create-http-app.js';
import { apiAuth } from '../http/middleware/api-auth.js';
import { healthRoutes } from '../http/routes/health-routes.js';
import { IMPORT_PATH, importRoutes } from '../http/routes/import-routes.js';
import { leadRoutes } from '../http/routes/lead-routes.js';
import { orgRoutes } from '../http/routes/org-routes.js';
import { routingRoutes } from '../http/routes/routing-routes.js';
import type { JobDefinition } from '../jobs/job-definition.js';
import { singleFlight } from '../jobs/single-flight.js';
import { bindModels, type Models } from '../storage/models.js';
import { mongoApiTokenRepository } from '../storage/repositories/api-token-repository.js';
import { mongoConversionStats } from '../storage/repositories/conversion-stats.js';
import { mongoInboundEventLog } from '../storage/repositories/inbound-event-log.js';
import { leadNoticeSweep } from '../storage/repositories/lead-notice-sweep.js';
import { mongoLeadRepository } from '../storage/repositories/lead-repository.js';
import { mongoMemberRepository } from '../storage/repositories/member-repository.js';
import { mongoOrgRepository } from '../storage/repositories/org-repository.js';
import { mongoOutboxStore } from '../storage/repositories/outbox-repository.js';
import { mongoResponseCodes } from '../storage/repositories/platform-response-codes.js';
import { mongoRosterRepository } from '../storage/repositories/roster-repository.js';
import { mongoSandboxStore } from '../storage/repositories/sandbox-message-store.js';
import { mongoTeamRepository } from '../storage/repositories/team-repository.js';
import { composePlatforms, type PlatformOptions } from './compose-platforms.js';
import type { Config } from './load-config.js';

export type ComposeOptions = {
  readonly connection: Connection;
  readonly config: Pick<Config, 'SANDBOX_ENABLED' | 'BODY_LIMIT' | 'OUTBOX_INTERVAL_MS' | 'JOBS_ENABLED'>;
  readonly log: Logger;
  readonly clock?: AdjustableClock;
  /** Real chat platforms (Slack, DingTalk, WeCom) and where their settings come from; none by default. */
  readonly platforms?: PlatformOptions;
};

/** Ladder steps are due to the minute; a run a minute reads only leads whose step is due (indexed). */
const DEADLINE_INTERVAL_MS = 60_000;

/** The composition root: builds every repository, port and route once, from one connection and one config. */
export function composeApp(options: ComposeOptions) {
  const { connection, config, log } = options;
  const clock = options.clock ?? adjustableClock();
  const models: Models = bindModels(connection);
  const orgs = mongoOrgRepository(models);
  const teams = mongoTeamRepository(models);
  const members = mongoMemberRepository(models);
  const tokens = mongoApiTokenRepository(models);
  const outbox = mongoOutboxStore(models);
  const sandboxStore = mongoSandboxStore(models);
  const leads = mongoLeadRepository(models);
  const roster = mongoRosterRepository(models);
  const conversion = mongoConversionStats(models);

  const adapters = new Map<Platform, ChatAdapter>();
  if (config.SANDBOX_ENABLED) adapters.set('sandbox', sandboxAdapter(sandboxStore, clock));

  const deliverDeps: DeliverDeps = {
    orgs,
    teams,
    members,
    outbox,
    adapters,
    clock,
    log,
    lastSentAt: new Map(),
  };
  const outboxPump = singleFlight(
    () => deliverOutbox(deliverDeps),
    (error) => log.error({ err: error }, 'outbox delivery run failed'),
  );
  const notifier = outboxNotifier(outbox, clock, () => outboxPump.trigger());

  const registry = registerHandlers(
    new Registry({ orgs, members, inboundEvents: mongoInboundEventLog(models, clock), log }),
    { orgs, teams, members, notifier, clock, leads, roster },
  );
  const intakeDeps = { leads, roster, conversion, notifier, clock };
  const platforms = composePlatforms(options.platforms ?? { enabled: [], env: {}, publicUrl: '' }, {
    registry,
    clock,
    log,
    responseCodes: (platform) => mongoResponseCodes(models, platform, () => clock.now()),
  });
  for (const [platform, adapter] of platforms.adapters) adapters.set(platform, adapter);

  const jobs: JobDefinition[] = [
    { name: 'outbox.deliver', intervalMs: config.OUTBOX_INTERVAL_MS, run: () => outboxPump.runNow() },
    {
      name: 'leads.deadlines',
      intervalMs: DEADLINE_INTERVAL_MS,
      run: async () => {
        await runLeadDeadlines({ ...intakeDeps, orgs, teams });
      },
    },
    {
      name: 'leads.notice-sweep',
      intervalMs: NOTICE_SWEEP_INTERVAL_MS,
      run: async () => {
        await sweepLeadNotices({ leads: leadNoticeSweep(models), notifier, clock });
      },
    },
  ];
  const runJobs = async () => {
    for (const job of jobs) await job.run();
  };

  let accepting = true;
  let jobsRunning: () => boolean = () => !config.JOBS_ENABLED;

  const api = new Router({ prefix: '/api/v1' });
  api.use(apiAuth(tokens, orgs));
  for (const router of [
    orgRoutes({ orgs, members, teams }),
    leadRoutes(intakeDeps),
    importRoutes(intakeDeps),
    routingRoutes({ orgs, teams }),
  ]) {
    api.use(router.routes(), router.allowedMethods());
  }

  const routers: Router[] = [
    healthRoutes({
      database: async () => {
        if (!connection.db) throw new Error('not connected');
        await connection.db.admin().ping();
      },
      jobs: () => jobsRunning(),
      accepting: () => accepting,
    }),
    api,
    ...platforms.routers,
  ];
  if (config.SANDBOX_ENABLED) {
    routers.push(
      sandboxRoutes({
        orgs,
        teams,
        members,
        store: sandboxStore,
        registry,
        clock,
        runJobs,
        flushOutbox: () => outboxPump.runNow(),
      }),
    );
  }
  const http: Koa = createHttpApp({
    log,
    bodyLimit: config.BODY_LIMIT,
    routers,
    rawBodyPaths: [IMPORT_PATH, ...platforms.rawBodyPaths],
  });

  return {
    clock,
    models,
    repos: { orgs, teams, members, tokens, outbox, sandboxStore, leads, roster, conversion },
    intakeDeps,
    platforms,
    notifier,
    registry,
    adapters,
    jobs,
    runJobs,
    outboxPump,
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

export type ComposedApp = ReturnType<typeof composeApp>;
