import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { composeApp } from '../../src/config/compose-app.js';
import { connectDatabase } from '../../src/storage/connect-database.js';
import { type DevDbServer, startDevDbServer } from '../../src/storage/dev-db-server.js';
import { startTestApp } from '../support/test-app.js';
import { pendingOutboxEntry } from './outbox-fixtures.js';

/**
 * Asks /readyz until `status` comes back (a cached read or a reconnect takes a few seconds), at most `limitMs`, and,
 * given `outbox`, until its outbox check says so too: on a loaded machine a slow database ping alone can answer 503
 * before the outbox's cached read has seen the change.
 */
async function readyzUntil(base: string, status: number, limitMs: number, outbox?: 'ok' | 'behind') {
  const until = Date.now() + limitMs;
  for (;;) {
    const response = await fetch(`${base}/readyz`);
    const body = await response.json();
    const seen = response.status === status && (outbox === undefined || body.checks?.outbox === outbox);
    if (seen || Date.now() > until) return { status: response.status, body };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('/readyz', () => {
  it('answers 503 while the most overdue outbox message has waited past READY_OUTBOX_MAX_AGE_MS, 200 once it is out', async () => {
    const t = await startTestApp({ demo: false, config: { READY_OUTBOX_MAX_AGE_MS: 60_000 } });
    try {
      expect((await fetch(`${t.baseUrl}/readyz`)).status).toBe(200);
      const now = t.app.clock.now().getTime();
      // Due ten minutes ago and never taken: what a stalled deliverer leaves behind.
      const tenMinutesAgo = new Date(now - 10 * 60_000);
      const stuck = await pendingOutboxEntry(t.app.models, 'stuck-1', tenMinutesAgo, tenMinutesAgo);
      const behind = await readyzUntil(t.baseUrl, 503, 15_000, 'behind');
      expect(behind.status).toBe(503);
      expect(behind.body.checks.outbox).toBe('behind');
      const reason = behind.body.reasons.find((r: { check: string }) => r.check === 'outbox');
      expect(reason).toMatchObject({ check: 'outbox', reason: 'behind', maxAgeSeconds: 60 });
      expect(reason.oldestPendingAgeSeconds).toBeGreaterThanOrEqual(600);
      await t.app.models.OutboxEntry.updateOne({ _id: stuck._id }, { $set: { status: 'sent' } });
      const back = await readyzUntil(t.baseUrl, 200, 15_000, 'ok');
      expect(back.status).toBe(200);
      expect(back.body.checks.outbox).toBe('ok');
    } finally {
      await t.close();
    }
  });

  describe('with the database cut', () => {
    let server: DevDbServer | undefined;
    afterAll(async () => {
      await server?.stop();
    });

    it('answers 503 with the reason while the database is down, and 200 once it is back', async () => {
      // A database server of this test's own, so stopping it cuts nobody else.
      server = await startDevDbServer();
      const { port } = server;
      const connection = await connectDatabase({ uri: server.uri, dbName: 'readiness' });
      const app = composeApp({
        connection,
        config: { SANDBOX_ENABLED: false, BODY_LIMIT: '1mb', OUTBOX_INTERVAL_MS: 1000, JOBS_ENABLED: false },
        log: pino({ level: 'silent' }),
      });
      const listening = app.http.listen(0, '127.0.0.1');
      await new Promise<void>((resolve) => listening.once('listening', resolve));
      const base = `http://127.0.0.1:${(listening.address() as AddressInfo).port}`;
      try {
        expect((await readyzUntil(base, 200, 10_000)).status).toBe(200);
        await server.stop();
        const down = await readyzUntil(base, 503, 15_000);
        expect(down.status).toBe(503);
        expect(down.body.checks.database).toMatch(/^down: /);
        expect(down.body.reasons).toContainEqual(
          expect.objectContaining({ check: 'database', reason: 'unreachable' }),
        );
        server = await startDevDbServer({ port });
        const back = await readyzUntil(base, 200, 30_000);
        expect(back.body).toMatchObject({ status: 'ready', checks: { database: 'ok' } });
        expect(back.status).toBe(200);
      } finally {
        await new Promise<void>((resolve) => listening.close(() => resolve()));
        await connection.close();
      }
    });
  });
});
