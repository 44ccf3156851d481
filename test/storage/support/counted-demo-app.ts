import pino from 'pino';
import { type ComposedApp, composeApp } from '../../../src/config/compose-app.js';
import { startDemo } from '../../../src/config/start-demo.js';
import type { Org } from '../../../src/core/org/types.js';
import { adjustableClock } from '../../../src/core/shared/clock.js';
import { ensureIndexes } from '../../../src/storage/models.js';
import { openTestDatabase } from '../../support/test-database.js';

export type CountedDemoApp = {
  readonly db: Awaited<ReturnType<typeof openTestDatabase>>;
  readonly app: ComposedApp;
  readonly org: Org;
  /** Waits for the outbox's work in flight, then closes the database. */
  readonly close: () => Promise<void>;
};

/**
 * The composed app (no HTTP, no sandbox, no jobs, the outbox's timer all but off) on the dev database with the
 * driver's command events on, the demo org in it and its first notices out: what a command-count test measures on,
 * so the commands it counts are the use-case's own.
 */
export async function openCountedDemoApp(): Promise<CountedDemoApp> {
  const db = await openTestDatabase({ monitorCommands: true });
  const app = composeApp({
    connection: db.connection,
    config: { SANDBOX_ENABLED: false, JOBS_ENABLED: false, BODY_LIMIT: '1mb', OUTBOX_INTERVAL_MS: 60_000 },
    log: pino({ level: 'silent' }),
    clock: adjustableClock(),
  });
  await ensureIndexes(app.models);
  const demo = await startDemo(app, { reset: false });
  await app.outboxPump.idle();
  const org = await app.repos.orgs.get(demo.orgId);
  if (!org) throw new Error('the demo org was not created');
  return {
    db,
    app,
    org,
    close: async () => {
      await app.outboxPump.idle();
      await db.close();
    },
  };
}
