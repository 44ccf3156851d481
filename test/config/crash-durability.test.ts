import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, isAlive, startService, waitUntil } from '../support/service-process.js';

// Issue #10 item 7: a kill -9 of the whole service (npm, node and the embedded dev database together) in the middle
// of concurrent lead POSTs loses no lead that was answered 201.
const dataDir = mkdtempSync(path.join(tmpdir(), 'leadrelay-crash-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const port = await freePort();
const CLIENTS = 8;

describe('a crash of the embedded default', () => {
  it('keeps every lead answered 201 when the service and its database are killed mid-load', async () => {
    const service = startService({ port, dataDir });
    await service.waitFor('Sandbox workspace:');
    const processes = service.descendants();
    const confirmed: string[] = [];
    let stop = false;
    let sent = 0;
    const client = async (c: number) => {
      for (let i = 0; !stop; i++) {
        const phone = `137${String(c).padStart(2, '0')}${String(i).padStart(6, '0')}`;
        sent++;
        try {
          const res = await service.post('/api/v1/leads', {
            name: `崩溃测试${c}-${i}`,
            phone,
            source: 'api',
          });
          if (res.status === 201) confirmed.push(((await res.json()) as { lead: { id: string } }).lead.id);
        } catch {
          return; // the connection died with the service: this one was never answered
        }
      }
    };
    const load = Array.from({ length: CLIENTS }, (_, c) => client(c));
    await waitUntil(() => confirmed.length >= 80, 60_000);
    // Everything at once, as a power cut of the container would, but with the OS still up: npm's group and the
    // database (which runs in its own group) together.
    service.signalGroup('SIGKILL');
    for (const pid of processes) if (isAlive(pid)) process.kill(pid, 'SIGKILL');
    stop = true;
    await Promise.all(load);
    await service.exited;
    expect(await waitUntil(() => processes.every((pid) => !isAlive(pid)), 5_000)).toBe(true);
    expect(confirmed.length).toBeGreaterThanOrEqual(80);

    const again = startService({ port, dataDir });
    try {
      await again.waitFor('Sandbox workspace:');
      const missing: string[] = [];
      for (const id of confirmed) {
        if ((await again.get(`/api/v1/leads/${id}`)).status !== 200) missing.push(id);
      }
      expect(missing, `${missing.length} of ${confirmed.length} confirmed leads lost (${sent} sent)`).toEqual(
        [],
      );
    } finally {
      again.signalGroup('SIGTERM');
      expect(await again.exited).toBe(0);
    }
  }, 120_000);
});
