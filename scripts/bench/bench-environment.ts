import { randomUUID } from 'node:crypto';
import type { Connection } from 'mongoose';
import pino from 'pino';
import { outboxNotifier } from '../../src/chat/outbox/outbox-notifier.js';
import { type ComposedApp, composeApp } from '../../src/config/compose-app.js';
import { startDemo } from '../../src/config/start-demo.js';
import type { IntakeDeps } from '../../src/core/leads/intake-lead.js';
import { apiCaller, type Caller } from '../../src/core/org/caller.js';
import type { Org } from '../../src/core/org/types.js';
import { connectDatabase } from '../../src/storage/connect-database.js';
import { startDevDbServer } from '../../src/storage/dev-db-server.js';
import { ensureIndexes } from '../../src/storage/models.js';

export type BenchEnvironment = {
  readonly database: 'dev-server' | 'mongodb';
  readonly connection: Connection;
  readonly app: ComposedApp;
  /** The app's intake deps with a notifier that writes the outbox but never starts delivery. */
  readonly deps: IntakeDeps;
  readonly actor: Caller;
  readonly org: Org;
  close(): Promise<void>;
};

// Routing must assign, not fall back to the pool because the demo members' small caps are reached.
const UNLIMITED = 1_000_000;

/**
 * A fresh, randomly named database (MONGODB_URI's server, else the offline dev server) holding the demo org
 * as seeded, with every member's caps raised. Delivery is paused so only intake's own commands are counted.
 */
export async function openBenchEnvironment(progress: (line: string) => void): Promise<BenchEnvironment> {
  const external = process.env.MONGODB_URI;
  const server = external ? undefined : await startDevDbServer();
  // The dev server runs one command at a time and its unique checks scan the collection, so one 1,000-lead
  // insert can hold it past the driver's 30 s monitor timeout, which then cuts the connection mid-command.
  // Only the dev server gets the longer allowance; a real MongoDB answers its heartbeat at once.
  const uri = external ?? `${server!.uri}&connectTimeoutMS=600000`;
  progress(external ? 'using MONGODB_URI' : `started the dev server at ${uri}`);
  const dbName = `bench_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const connection = await connectDatabase({ uri, dbName, monitorCommands: true });
  const close = async () => {
    await connection.dropDatabase().catch(() => undefined);
    await connection.close();
    await server?.stop();
  };
  try {
    const app = composeApp({
      connection,
      config: { SANDBOX_ENABLED: true, JOBS_ENABLED: false, BODY_LIMIT: '10mb', OUTBOX_INTERVAL_MS: 60_000 },
      log: pino({ level: 'silent' }),
    });
    await ensureIndexes(app.models);
    const demo = await startDemo(app, { reset: false });
    // The welcome cards started a delivery run: let it finish, so it sends no commands while we measure.
    await app.outboxPump.idle();
    const org = await app.repos.orgs.get(demo.orgId);
    if (!org) throw new Error('the demo org was not found right after startDemo');
    await app.models.Member.updateMany(
      { orgId: org.id },
      { $set: { dailyCap: UNLIMITED, poolCapacity: UNLIMITED } },
    );
    const deps: IntakeDeps = {
      ...app.intakeDeps,
      notifier: outboxNotifier(app.repos.outbox, app.clock, () => {}),
    };
    progress(`database ${dbName}: demo org ${org.id} with ${demo.members} members`);
    return {
      database: external ? 'mongodb' : 'dev-server',
      connection,
      app,
      deps,
      actor: apiCaller(org, ['admin'], 'zh-CN'),
      org,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
