import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { type ComposedApp, composeApp } from '../../src/config/compose-app.js';
import type { PlatformOptions } from '../../src/config/compose-platforms.js';
import { startDemo } from '../../src/config/start-demo.js';
import { adjustableClock } from '../../src/core/shared/clock.js';
import { ensureIndexes } from '../../src/storage/models.js';
import { openTestDatabase } from './test-database.js';

export type TestApp = {
  readonly app: ComposedApp;
  readonly baseUrl: string;
  readonly token: string;
  readonly orgId: string;
  /** JSON request helper: returns status, headers and parsed body. */
  request(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<TestResponse>;
  close(): Promise<void>;
};

// biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON bodies and assert on their shape
export type TestResponse = { status: number; headers: Headers; body: any };

/**
 * The whole service (real mongoose, real Koa on a free port, sandbox on) with the demo org, for one test file.
 * `platforms` enables real chat platforms as main.ts does; they are started once the server listens.
 */
export async function startTestApp(
  options: {
    demo?: boolean;
    bodyLimit?: string;
    platforms?: PlatformOptions;
    backupDir?: string;
    /** Settings beyond the defaults below (METRICS_TOKEN, READY_OUTBOX_MAX_AGE_MS…). */
    config?: Partial<Parameters<typeof composeApp>[0]['config']>;
    /** The driver's command events on (leadrelay_db_commands_total, command counts). */
    monitorCommands?: boolean;
  } = {},
): Promise<TestApp> {
  const db = await openTestDatabase({ monitorCommands: options.monitorCommands ?? false });
  const app = composeApp({
    connection: db.connection,
    config: {
      SANDBOX_ENABLED: true,
      BODY_LIMIT: options.bodyLimit ?? '1mb',
      OUTBOX_INTERVAL_MS: 1000,
      JOBS_ENABLED: false,
      ...options.config,
    },
    log: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    clock: adjustableClock(),
    ...(options.platforms ? { platforms: options.platforms } : {}),
    ...(options.backupDir ? { backups: { dir: options.backupDir } } : {}),
  });
  await ensureIndexes(app.models);
  const demo = options.demo === false ? undefined : await startDemo(app, { reset: false });
  if (demo) await app.outboxPump.runNow();
  const server: Server = app.http.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await app.platforms.start();
  return {
    app,
    baseUrl,
    token: demo?.token ?? '',
    orgId: demo?.orgId ?? '',
    async request(method, path, body, headers = {}) {
      const response = await fetch(`${baseUrl}${path}`, {
        method,
        headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
        ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
      });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {}
      return { status: response.status, headers: response.headers, body: parsed };
    },
    async close() {
      await app.platforms.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      // As main's stop does: work webhooks started after acknowledging ends before the database goes.
      await app.background.idle();
      await app.outboxPump.idle();
      await db.close();
    },
  };
}
