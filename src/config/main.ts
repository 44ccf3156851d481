import type { Server } from 'node:http';
import type { Db } from 'mongodb';
import { type Scheduler, startScheduler } from '../jobs/agenda-scheduler.js';
import { backfillLeadCodes } from '../storage/backfill-lead-codes.js';
import { backfillOpenAssignees } from '../storage/backfill-open-assignees.js';
import { pendingRestore } from '../storage/backups/restore-swap.js';
import { connectDatabase } from '../storage/connect-database.js';
import { type RunningDatabase, startDatabase } from '../storage/embedded-database.js';
import { ensureIndexes } from '../storage/models.js';
import { type ComposedApp, composeApp } from './compose-app.js';
import { platformSettingsProblems } from './compose-platforms.js';
import { demoToken } from './demo-token.js';
import { type Config, ConfigError, loadConfig } from './load-config.js';
import { createLogger } from './logger.js';
import { closeServer, serveHttp } from './serve-http.js';
import { serveMetrics } from './serve-metrics.js';
import { startDemo } from './start-demo.js';
import { startupRefusals } from './startup-refusals.js';

const say = (line: string) => process.stdout.write(`${line}\n`);

/** Boots the service: config → database → indexes → demo org → HTTP → jobs; and stops it in reverse on a signal. */
async function main(): Promise<void> {
  const config = checkedConfig();
  const realPlatforms = config.PLATFORMS.filter((p) => p !== 'sandbox');
  const log = createLogger(config.LOG_LEVEL);
  const database = await startDatabase({
    mongodbUri: config.MONGODB_URI,
    dataDir: config.dataDir,
    embedded: config.EMBEDDED_DB,
  });
  say(`Leadrelay database: ${database.description}`);
  // The embedded database gets a named database; an external URI names its own (or the driver's default).
  const connection = await connectDatabase({
    uri: database.uri,
    ...(database.kind === 'external' ? {} : { dbName: 'leadrelay' }),
    // leadrelay_db_commands_total counts the driver's command events (one listener, a counter bump per command).
    monitorCommands: true,
  });
  await refuseHalfRestored(connection);
  const app = composeApp({
    connection,
    config,
    log,
    platforms: { enabled: realPlatforms, env: process.env, publicUrl: config.PUBLIC_URL },
    backups: { dir: config.backupDir },
  });
  await ensureIndexes(app.models);
  // Leads stored before short codes existed get theirs before anything is served (see backfill-lead-codes.ts).
  await backfillLeadCodes(app.models);
  // Open tasks stored before the centre's open counts joined on `openAssigneeId` get it (backfill-open-assignees.ts).
  await backfillOpenAssignees(app.models);
  if (config.DEMO_ORG) {
    const token = await demoToken(config.dataDir, config.DEMO_API_TOKEN);
    const demo = await startDemo(app, { reset: false, apiToken: token, sampleOrders: true });
    say(
      `Demo org ${demo.created ? 'created' : 'ready'}: ${demo.members} members. API token (admin): ${demo.token}`,
    );
  }
  const server = await serveHttp(app.http, config);
  const metricsServer =
    config.METRICS_PORT === undefined
      ? undefined
      : await serveMetrics(app.metrics.registry, { port: config.METRICS_PORT, host: config.HOST });
  let scheduler: Scheduler | undefined;
  if (config.JOBS_ENABLED) {
    if (!connection.db) throw new Error('database connection has no db handle');
    const running = await startScheduler(connection.db, app.jobs, log);
    scheduler = running;
    app.setJobsRunning(() => running.isRunning());
  }
  await app.platforms.start();
  say(`Leadrelay listening on ${config.PUBLIC_URL}`);
  if (realPlatforms.length > 0) say(`Chat platforms: ${realPlatforms.join(', ')}`);
  if (config.SANDBOX_ENABLED) say(`Sandbox workspace: ${config.PUBLIC_URL}/sandbox`);
  stopOnSignals(config, () =>
    stopInOrder({ app, server, metricsServer, scheduler, connection, database, config }),
  );
}

/** The config, or exit 1 with one line per problem: bad values, missing platform settings, refused combinations. */
function checkedConfig(): Config {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    refuse(
      `${error.message}\nFix these environment variables (see .env.example and the README) and start again.`,
    );
  }
  const problems = platformSettingsProblems(
    config.PLATFORMS.filter((p) => p !== 'sandbox'),
    process.env,
  );
  if (problems.length > 0)
    refuse(`${problems.join('\n')}\nSet these (see .env.example and manifests/) and start again.`);
  const refusals = startupRefusals(config);
  if (refusals.length > 0) refuse(refusals.join('\n'));
  return config;
}

/** A restore a kill interrupted mid-swap must be completed first: serving a half-swapped database would mix data. */
async function refuseHalfRestored(connection: { db?: Db | undefined }): Promise<void> {
  const pending = connection.db ? await pendingRestore(connection.db) : null;
  if (pending?.state === 'swapping') {
    refuse(
      `A restore of ${pending.backup} was interrupted half-way through its swap. Complete it with ` +
        `\`npm run restore -- ${pending.backup}\` (same database settings), then start again.`,
    );
  }
}

function refuse(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

type Running = {
  app: ComposedApp;
  server: Server;
  metricsServer: Server | undefined;
  scheduler: Scheduler | undefined;
  connection: { close(): Promise<void> };
  database: RunningDatabase;
  config: Config;
};

/**
 * Stop taking work → finish what was started → stop the jobs → deliver → close → snapshot and stop the database,
 * last. The embedded database runs in its own process group and ignores the terminal's and the group's signals, so
 * it is still there for every step before it.
 */
async function stopInOrder(running: Running): Promise<void> {
  const { app, server, metricsServer, scheduler, connection, database, config } = running;
  app.stopAccepting();
  await closeServer(server);
  await app.platforms.stop();
  await app.background.idle();
  await scheduler?.stop(config.SHUTDOWN_TIMEOUT_MS);
  await app.outboxPump.idle();
  await connection.close();
  // Last but the database: the figures of the stop itself can still be scraped until here.
  if (metricsServer) await closeServer(metricsServer);
  await database.stop();
}

/**
 * The first SIGINT or SIGTERM starts the stop; later ones (a group signal plus a relayed one, or a second Ctrl-C)
 * are ignored instead of killing the process half-way. Nothing may hang the stop for ever.
 */
function stopOnSignals(config: Config, stop: () => Promise<void>): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    say(`${signal} received: shutting down`);
    const deadline = setTimeout(() => {
      process.stderr.write('graceful shutdown timed out\n');
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_MS + 5_000);
    deadline.unref();
    stop().then(
      () => {
        say('stopped cleanly');
        process.exit(0);
      },
      (error: unknown) => {
        process.stderr.write(`shutdown failed: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Leadrelay failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
