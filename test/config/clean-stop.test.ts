import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  freePort,
  isAlive,
  type ServiceProcess,
  startService,
  waitUntil,
} from '../support/service-process.js';

// Issue #9 item 8: the README's run command, in its own process group, signalled as a whole (Ctrl-C, docker stop,
// systemd): every run must end "stopped cleanly" with exit 0 and keep the lead written just before the signal.
const dataDir = mkdtempSync(path.join(tmpdir(), 'leadrelay-stop-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const port = await freePort();
const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGINT', 'SIGINT', 'SIGTERM', 'SIGTERM', 'SIGTERM'];

async function writeLead(service: ServiceProcess, n: number): Promise<string> {
  const res = await service.post('/api/v1/leads', {
    name: `停止测试${n}`,
    phone: `1360000${String(n).padStart(4, '0')}`,
    source: 'api',
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { lead: { id: string } }).lead.id;
}

async function expectLead(service: ServiceProcess, id: string): Promise<void> {
  const res = await service.get(`/api/v1/leads/${id}`);
  expect(res.status, `lead ${id} after the restart`).toBe(200);
}

describe('a clean stop', () => {
  it('ends "stopped cleanly", exit 0, for SIGINT and SIGTERM to the whole group, 3 times each, keeping the last lead', async () => {
    let previous: string | undefined;
    for (const [run, signal] of SIGNALS.entries()) {
      const service = startService({ port, dataDir });
      await service.waitFor('Sandbox workspace:');
      if (previous) await expectLead(service, previous);
      const database = service.descendants();
      expect(database.length, 'the embedded database runs as a child').toBeGreaterThan(0);
      previous = await writeLead(service, run);
      service.signalGroup(signal);
      expect(await service.exited, `${signal} run ${run}:\n${service.output()}`).toBe(0);
      expect(service.output()).toContain(`${signal} received: shutting down`);
      expect(service.output()).toContain('stopped cleanly');
      expect(service.output()).not.toMatch(/MongoNetworkError|failed|timed out/);
      expect(await waitUntil(() => database.every((pid) => !isAlive(pid)), 5_000)).toBe(true);
    }
    const last = startService({ port, dataDir });
    await last.waitFor('Sandbox workspace:');
    if (previous) await expectLead(last, previous);
    // A kill -9 of the service (its whole group) leaves no orphaned database: it sees its lifeline close and exits.
    const database = last.descendants();
    expect(database.length).toBeGreaterThan(0);
    last.signalGroup('SIGKILL');
    await last.exited;
    expect(await waitUntil(() => database.every((pid) => !isAlive(pid)), 10_000)).toBe(true);
    // Seven starts of `npm start` at 10–15 s each on a loaded 2-core machine: 83 s alone once, over 120 s under load.
  }, 240_000);
});
