import type { Server } from 'node:http';
import { type Scheduler, startScheduler } from '../jobs/agenda-scheduler.js';
import { connectDatabase } from '../storage/connect-database.js';
import { startDatabase } from '../storage/embedded-database.js';
import { ensureIndexes } from '../storage/models.js';
import { composeApp } from './compose-app.js';
import { platformSettingsProblems } from './compose-platforms.js';
import { ConfigError, loadConfig } from './load-config.js';
import { createLogger } from './logger.js';
import { startDemo } from './start-demo.js';

/** Boots the service: config → database → indexes → demo org → HTTP → jobs; and stops it in reverse on a signal. */
async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(
        `${error.message}\nFix these environment variables (see .env.example and the README) and start again.\n`,
      );
      process.exit(1);
    }
    throw error;
  }
  const realPlatforms = config.PLATFORMS.filter((p) => p !== 'sandbox');
  const problems = platformSettingsProblems(realPlatforms, process.env);
  if (problems.length > 0) {
    process.stderr.write(
      `${problems.join('\n')}\nSet these (see .env.example and manifests/) and start again.\n`,
    );
    process.exit(1);
  }
  const log = createLogger(config.LOG_LEVEL);
  const say = (line: string) => process.stdout.write(`${line}\n`);

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
  });
  const app = composeApp({
    connection,
    config,
    log,
    platforms: {
      enabled: realPlatforms,
      env: process.env,
      publicUrl: config.PUBLIC_URL,
    },
  });
  await ensureIndexes(app.models);

  if (config.DEMO_ORG) {
    const demo = await startDemo(app, { reset: false, apiToken: config.DEMO_API_TOKEN });
    say(
      `Demo org ${demo.created ? 'created' : 'ready'}: ${demo.members} members. API token (admin): ${demo.token}`,
    );
  }

  const server: Server = app.http.listen(config.PORT, config.HOST);
  await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));
  let scheduler: Scheduler | undefined;
  if (config.JOBS_ENABLED) {
    if (!connection.db) throw new Error('database connection has no db handle');
    scheduler = await startScheduler(connection.db, app.jobs, log);
    const running = scheduler;
    app.setJobsRunning(() => running.isRunning());
  }
  await app.platforms.start();
  say(`Leadrelay listening on ${config.PUBLIC_URL}`);
  if (realPlatforms.length > 0) say(`Chat platforms: ${realPlatforms.join(', ')}`);
  if (config.SANDBOX_ENABLED) say(`Sandbox workspace: ${config.PUBLIC_URL}/sandbox`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`${signal} received: shutting down`);
    // Nothing may hang shutdown for ever; the platform's retries cover anything cut short.
    const deadline = setTimeout(() => {
      log.error({}, 'graceful shutdown timed out');
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_MS + 5_000);
    deadline.unref();
    app.stopAccepting();
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    });
    await app.platforms.stop();
    await scheduler?.stop(config.SHUTDOWN_TIMEOUT_MS);
    await app.outboxPump.idle();
    await connection.close();
    await database.stop();
    say('stopped cleanly');
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Leadrelay failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
