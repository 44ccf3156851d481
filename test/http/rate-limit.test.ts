import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Router from '@koa/router';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeApp } from '../../src/config/compose-app.js';
import { startDemo } from '../../src/config/start-demo.js';
import { createHttpApp } from '../../src/http/create-http-app.js';
import { byBearerToken, byClientAddress, rateLimit } from '../../src/http/middleware/rate-limit.js';
import { ensureIndexes } from '../../src/storage/models.js';
import { openTestDatabase } from '../support/test-database.js';

let server: Server;
let base = '';
let now = 0;
beforeAll(async () => {
  const router = new Router();
  router.get('/api/v1/ping', (ctx) => {
    ctx.body = { ok: true };
  });
  router.get('/sandbox/api/ping', (ctx) => {
    ctx.body = { ok: true };
  });
  router.get('/healthz', (ctx) => {
    ctx.body = { ok: true };
  });
  // Behind a reverse proxy (TRUST_PROXY=true): the address is the hop the proxy added.
  const app = createHttpApp({
    log: pino({ level: 'silent' }),
    bodyLimit: '1mb',
    routers: [router],
    trustProxy: true,
  });
  // The limits under test, on a clock the test moves: the same middleware createHttpApp mounts from the config.
  app.middleware.unshift(
    rateLimit({
      perMinute: 6,
      keyOf: byClientAddress(['/api/', '/sandbox']),
      what: 'client address',
      now: () => now,
    }),
    rateLimit({ perMinute: 3, keyOf: byBearerToken('/api/'), what: 'API token', now: () => now }),
  );
  server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const get = async (path: string, headers: Record<string, string> = {}) => {
  const res = await fetch(`${base}${path}`, { headers });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: await res.json() };
};
const statuses = async (n: number, path: string, headers: Record<string, string> = {}) => {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push((await get(path, headers)).status);
  return out;
};

describe('rate limits', () => {
  it('limits each token, answering 429 with Retry-After, and refills with time', async () => {
    now = 0;
    const a = { authorization: 'Bearer lr_a', 'x-forwarded-for': '10.0.0.1' };
    expect(await statuses(3, '/api/v1/ping', a)).toEqual([200, 200, 200]);
    const over = await get('/api/v1/ping', a);
    expect(over.status).toBe(429);
    // 3 a minute: one more request after 20 s.
    expect(over.retryAfter).toBe('20');
    expect(over.body.error).toMatchObject({ code: 'RATE_LIMITED', details: { limitPerMinute: 3 } });
    // Another token from another address is not affected.
    expect(
      (await get('/api/v1/ping', { authorization: 'Bearer lr_b', 'x-forwarded-for': '10.0.0.2' })).status,
    ).toBe(200);
    now += 20_000;
    expect(await statuses(2, '/api/v1/ping', a)).toEqual([200, 429]);
  });

  it('limits each client address on /api and /sandbox together, not elsewhere, and cannot be dodged by X-Forwarded-For', async () => {
    now = 1_000_000;
    const from = (ip: string) => ({ 'x-forwarded-for': ip });
    expect(await statuses(4, '/sandbox/api/ping', from('10.0.0.3'))).toEqual([200, 200, 200, 200]);
    expect(await statuses(3, '/api/v1/ping', from('10.0.0.3'))).toEqual([200, 200, 429]);
    expect((await get('/healthz', from('10.0.0.3'))).status).toBe(200);
    // Only the last hop counts (the one a proxy adds): an address the client writes in front changes nothing.
    expect((await get('/sandbox/api/ping', { 'x-forwarded-for': '1.2.3.4, 10.0.0.3' })).status).toBe(429);
  });

  it('without a trusted proxy, counts the socket address whatever X-Forwarded-For claims', async () => {
    const router = new Router();
    router.get('/api/v1/ping', (ctx) => {
      ctx.body = { ok: true };
    });
    const direct = createHttpApp({
      log: pino({ level: 'silent' }),
      bodyLimit: '1mb',
      routers: [router],
      rateLimits: { perAddress: 2, perToken: 100 },
    });
    const listening = direct.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => listening.once('listening', resolve));
    try {
      const url = `http://127.0.0.1:${(listening.address() as AddressInfo).port}/api/v1/ping`;
      const codes: number[] = [];
      for (const ip of ['10.0.0.8', '10.0.0.9', '10.0.0.10']) {
        codes.push((await fetch(url, { headers: { 'x-forwarded-for': ip } })).status);
      }
      expect(codes).toEqual([200, 200, 429]);
    } finally {
      await new Promise<void>((resolve) => listening.close(() => resolve()));
    }
  });

  it('is on in the composed app, with the limits of the config table', async () => {
    const db = await openTestDatabase();
    const app = composeApp({
      connection: db.connection,
      config: {
        SANDBOX_ENABLED: true,
        BODY_LIMIT: '1mb',
        OUTBOX_INTERVAL_MS: 1000,
        JOBS_ENABLED: false,
        RATE_LIMIT_TOKEN_PER_MINUTE: 2,
      },
      log: pino({ level: 'silent' }),
    });
    await ensureIndexes(app.models);
    const demo = await startDemo(app, { reset: false });
    const composed = app.http.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => composed.once('listening', resolve));
    try {
      const url = `http://127.0.0.1:${(composed.address() as AddressInfo).port}/api/v1/org`;
      const codes: number[] = [];
      for (let i = 0; i < 3; i++) {
        codes.push((await fetch(url, { headers: { authorization: `Bearer ${demo.token}` } })).status);
      }
      expect(codes).toEqual([200, 200, 429]);
    } finally {
      await new Promise<void>((resolve) => composed.close(() => resolve()));
      await app.outboxPump.idle();
      await db.close();
    }
  });
});
