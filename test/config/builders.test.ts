import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildChat } from '../../src/config/build-chat.js';
import { buildHttp } from '../../src/config/build-http.js';
import { buildJobs } from '../../src/config/build-jobs.js';
import { buildPlatforms } from '../../src/config/build-platforms.js';
import { buildStorage, type Storage } from '../../src/config/build-storage.js';
import { adjustableClock } from '../../src/core/shared/clock.js';
import { DEADLINE_INTERVAL_MS } from '../../src/jobs/job-table.js';
import { ensureIndexes } from '../../src/storage/models.js';
import { openTestDatabase } from '../support/test-database.js';

// The composition root's builders, used one by one as a test (or a second entry point) would.
const log = pino({ level: 'silent' });
const clock = adjustableClock();
let db: Awaited<ReturnType<typeof openTestDatabase>>;
let storage: Storage;
beforeAll(async () => {
  db = await openTestDatabase();
  storage = buildStorage(db.connection, clock);
  await ensureIndexes(storage.models);
});
afterAll(() => db.close());

async function listen(http: { listen: (port: number, host: string) => Server }) {
  const server = http.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('the builders', () => {
  it('storage alone answers a ping and reads an empty org list', async () => {
    await expect(storage.ping()).resolves.toBeUndefined();
    expect(await storage.repos.orgs.findByWorkspace('sandbox', 'nowhere')).toBeUndefined();
  });

  it('jobs over storage and chat form the lead job table, and run once in table order', async () => {
    const chat = buildChat(storage, { clock, log });
    const { jobs, runJobs } = buildJobs(storage, chat, { clock, log, outboxIntervalMs: 1234 });
    expect(jobs.map((job) => [job.name, job.intervalMs])).toEqual([
      ['outbox.deliver', 1234],
      ['leads.deadlines', DEADLINE_INTERVAL_MS],
      ['follow-ups.contact-plan', DEADLINE_INTERVAL_MS],
      ['follow-ups.morning-agenda', DEADLINE_INTERVAL_MS],
      ['leads.notice-sweep', 30_000],
      ['customers.pending-sweep', 60_000],
      ['after-sales.task-sla', 60_000],
      ['reports.weekly-digest', 60_000],
      ['exports.chat-requests', 10_000],
    ]);
    await expect(runJobs()).resolves.toBeUndefined();
    await chat.outboxPump.idle();
  });

  it('chat tracks background work until it settles, failures logged not thrown', async () => {
    const chat = buildChat(storage, { clock, log });
    let finish: () => void = () => {};
    chat.background.run(() => new Promise<void>((resolve) => (finish = resolve)));
    chat.background.run(async () => {
      throw new Error('handler bug');
    });
    expect(chat.background.pending()).toBeGreaterThan(0);
    let idle = false;
    const waiting = chat.background.idle().then(() => (idle = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(idle).toBe(false);
    finish();
    await waiting;
    expect(chat.background.pending()).toBe(0);
  });

  it('platforms register the sandbox adapter into the chat side, and http serves it to loopback only', async () => {
    const chat = buildChat(storage, { clock, log });
    const jobs = buildJobs(storage, chat, { clock, log, outboxIntervalMs: 1000 });
    const platforms = buildPlatforms(storage, chat, jobs, { clock, log, sandboxEnabled: true });
    expect([...chat.adapters.keys()]).toEqual(['sandbox']);
    const intakeDeps = { ...storage.repos, notifier: chat.notifier, clock };
    const deps = { log, bodyLimit: '1mb', intakeDeps, jobsEnabled: false };
    const guarded = await listen(buildHttp(storage, platforms, deps).http);
    const open = await listen(buildHttp(storage, platforms, { ...deps, sandboxAllowRemote: true }).http);
    try {
      expect((await fetch(`${guarded.url}/sandbox/api/clock`)).status).toBe(200);
      // A remote client relayed by a proxy on this machine is still remote.
      const relayed = await fetch(`${guarded.url}/sandbox/api/clock`, {
        method: 'POST',
        headers: { 'x-forwarded-for': '203.0.113.7', 'content-type': 'application/json' },
        body: JSON.stringify({ advance: '10m' }),
      });
      expect(relayed.status).toBe(403);
      expect((await relayed.json()).error.code).toBe('SANDBOX_LOOPBACK_ONLY');
      expect(clock.offsetMs()).toBe(0);
      // The guard covers the sandbox only: health stays open to the load balancer.
      const health = await fetch(`${guarded.url}/healthz`, { headers: { 'x-forwarded-for': '203.0.113.7' } });
      expect(health.status).toBe(200);
      const allowed = await fetch(`${open.url}/sandbox/api/clock`, {
        headers: { 'x-forwarded-for': '203.0.113.7' },
      });
      expect(allowed.status).toBe(200);
    } finally {
      await guarded.close();
      await open.close();
    }
  });
});
