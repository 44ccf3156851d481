import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import { type AdjustableClock, adjustableClock } from '../core/shared/clock.js';
import type { JobDefinition } from '../jobs/job-definition.js';
import { runJobsOnce } from '../jobs/job-table.js';
import { measuredJobs } from '../jobs/measured-jobs.js';
import { type BackupOptions, buildBackups } from './build-backups.js';
import { buildChat } from './build-chat.js';
import { buildHttp } from './build-http.js';
import { buildJobs } from './build-jobs.js';
import { buildMetrics } from './build-metrics.js';
import { buildPlatforms } from './build-platforms.js';
import { buildStorage } from './build-storage.js';
import type { PlatformOptions } from './compose-platforms.js';
import { type EdgeSettings, edgeSettings } from './edge-settings.js';
import type { Config } from './load-config.js';

export type ComposeOptions = {
  readonly connection: Connection;
  readonly config: Pick<Config, 'SANDBOX_ENABLED' | 'BODY_LIMIT' | 'OUTBOX_INTERVAL_MS' | 'JOBS_ENABLED'> &
    Partial<Pick<Config, 'SANDBOX_ALLOW_REMOTE' | 'TRUST_PROXY' | 'OUTBOX_COALESCE_MS' | 'PUBLIC_URL'>> &
    Partial<Pick<Config, 'METRICS_TOKEN' | 'METRICS_PORT' | 'READY_OUTBOX_MAX_AGE_MS'>> &
    Partial<EdgeSettings>;
  readonly log: Logger;
  readonly clock?: AdjustableClock;
  /** Real chat platforms (Slack, DingTalk, WeCom) and where their settings come from; none by default. */
  readonly platforms?: PlatformOptions;
  /** Backups (BACKUP_DIR): their jobs and API; absent, neither (a test app writes no backups unless asked). */
  readonly backups?: BackupOptions;
};

/**
 * The composition root: storage → chat → jobs → platforms → http, each built once by its own builder from one
 * connection and one config. Each builder takes only what it needs, so a test can build them one by one.
 */
export function composeApp(options: ComposeOptions) {
  const { connection, config, log } = options;
  const clock = options.clock ?? adjustableClock();
  const edge = edgeSettings(config);
  // Metrics first: the storage they hand on counts inbound events (build-metrics.ts).
  const observed = buildMetrics(buildStorage(connection, clock, edge), clock);
  const { storage, metrics } = observed;
  const { leads, roster, conversion } = storage.repos;
  const chat = buildChat(storage, {
    clock,
    log,
    ...(config.OUTBOX_COALESCE_MS !== undefined ? { coalesceMs: config.OUTBOX_COALESCE_MS } : {}),
    publicUrl: config.PUBLIC_URL,
    onDelivery: (platform, outcome) => metrics.outboxDeliveries.inc({ platform, outcome }),
  });
  const intakeDeps = {
    leads,
    roster,
    conversion,
    notifier: chat.notifier,
    clock,
    audit: storage.repos.audit,
  };
  const { complaints, tasks, afterSalesOrders, afterSalesFigures, counters, members } = storage.repos;
  const afterSalesDeps = {
    ...{ complaints, tasks, orders: afterSalesOrders, figures: afterSalesFigures, counters, members },
    ...{ notifier: chat.notifier, clock, audit: storage.repos.audit },
  };
  const built = buildJobs(storage, chat, { clock, log, outboxIntervalMs: config.OUTBOX_INTERVAL_MS });
  const backups = options.backups
    ? buildBackups(connection, storage, { notifier: chat.notifier, clock, options: options.backups })
    : undefined;
  // Every job run counted and timed, whether Agenda or the sandbox clock runs it.
  const jobs = withJobs(measuredJobs(backups ? [...built.jobs, ...backups.jobs] : built.jobs, metrics), []);
  const platforms = buildPlatforms(storage, chat, jobs, {
    clock,
    log,
    sandboxEnabled: config.SANDBOX_ENABLED,
    platforms: options.platforms,
  });
  const http = buildHttp(storage, platforms, {
    log,
    bodyLimit: config.BODY_LIMIT,
    sandboxAllowRemote: config.SANDBOX_ALLOW_REMOTE,
    trustProxy: config.TRUST_PROXY,
    publicUrl: config.PUBLIC_URL,
    intakeDeps,
    afterSalesDeps,
    jobsEnabled: config.JOBS_ENABLED,
    edge,
    ...(backups ? { backups: backups.routes } : {}),
    metrics,
    metricsToken: config.METRICS_TOKEN,
    metricsOnOwnPort: config.METRICS_PORT !== undefined,
    outboxReadiness: {
      ageSeconds: observed.outboxAgeSeconds,
      maxAgeSeconds: (config.READY_OUTBOX_MAX_AGE_MS ?? DEFAULT_READY_OUTBOX_MAX_AGE_MS) / 1000,
    },
  });
  return {
    clock,
    models: storage.models,
    repos: storage.repos,
    intakeDeps,
    afterSalesDeps,
    platforms,
    notifier: chat.notifier,
    registry: chat.registry,
    adapters: chat.adapters,
    /** Work webhooks started after acknowledging; shutdown awaits it once the server stops taking requests. */
    background: chat.background,
    jobs: jobs.jobs,
    runJobs: jobs.runJobs,
    outboxPump: chat.outboxPump,
    http: http.http,
    setJobsRunning: http.setJobsRunning,
    stopAccepting: http.stopAccepting,
    /** The Prometheus registry (main serves it on METRICS_PORT when set). */
    metrics,
  };
}

/** The config table's READY_OUTBOX_MAX_AGE_MS default, for apps composed without a full config (tests, tools). */
const DEFAULT_READY_OUTBOX_MAX_AGE_MS = 300_000;

/** The job table with a domain's jobs appended (run after the others by the sandbox clock). */
function withJobs(jobs: readonly JobDefinition[], more: readonly JobDefinition[]) {
  const all = [...jobs, ...more];
  return { jobs: all, runJobs: runJobsOnce(all) };
}

export type ComposedApp = ReturnType<typeof composeApp>;
