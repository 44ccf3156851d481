import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Scheduler, startScheduler } from '../../src/jobs/agenda-scheduler.js';
import { openTestDatabase } from '../support/test-database.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(check: () => boolean, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check() && Date.now() < until) await sleep(25);
}

const quietLog = () => ({ info: vi.fn(), error: vi.fn() });

type Db = NonNullable<Awaited<ReturnType<typeof openTestDatabase>>['connection']['db']>;

let databases: Awaited<ReturnType<typeof openTestDatabase>>[] = [];
const schedulers: Scheduler[] = [];

async function freshDb(): Promise<Db> {
  const database = await openTestDatabase();
  databases.push(database);
  if (!database.connection.db) throw new Error('no db handle');
  return database.connection.db;
}

beforeAll(() => {
  databases = [];
});

afterAll(async () => {
  for (const scheduler of schedulers) if (scheduler.isRunning()) await scheduler.stop(2_000);
  for (const database of databases) await database.close();
});

describe('startScheduler', () => {
  it('runs a 200 ms job repeatedly, and stop() ends further runs', async () => {
    const db = await freshDb();
    let runs = 0;
    const log = quietLog();
    const scheduler = await startScheduler(
      db,
      [
        {
          name: 'test.tick',
          intervalMs: 200,
          run: async () => {
            runs++;
          },
        },
      ],
      log,
    );
    schedulers.push(scheduler);
    expect(scheduler.isRunning()).toBe(true);

    await waitFor(() => runs >= 2, 5_000);
    expect(runs).toBeGreaterThanOrEqual(2);

    await scheduler.stop(2_000);
    expect(scheduler.isRunning()).toBe(false);
    const atStop = runs;
    await sleep(1_000);
    expect(runs).toBe(atStop);
    expect(log.error).not.toHaveBeenCalled();
  });

  it('never runs one job concurrently when a second scheduler starts on the same database while it runs', async () => {
    const db = await freshDb();
    const spans: { who: string; start: number; end: number }[] = [];
    let started = 0;
    // Each run outlasts the interval, so the next run is always due while one is in progress.
    const job = (who: string) => ({
      name: 'test.exclusive',
      intervalMs: 200,
      run: async () => {
        started++;
        const start = Date.now();
        await sleep(400);
        spans.push({ who, start, end: Date.now() });
      },
    });
    const a = await startScheduler(db, [job('a')], quietLog());
    schedulers.push(a);
    // The second instance comes up (a deploy, a restart) while the first is running the job.
    await waitFor(() => started > 0, 5_000);
    const b = await startScheduler(db, [job('b')], quietLog());
    schedulers.push(b);

    await sleep(1_600);
    await Promise.all([a.stop(2_000), b.stop(2_000)]);

    expect(spans.length).toBeGreaterThanOrEqual(3);
    const sorted = [...spans].sort((x, y) => x.start - y.start);
    const overlaps = sorted.flatMap((current, i) => {
      const previous = sorted[i - 1];
      return previous && current.start < previous.end
        ? [`${current.who} started ${previous.end - current.start} ms before ${previous.who} ended`]
        : [];
    });
    expect(overlaps).toEqual([]);
    expect(await db.collection('agenda_jobs').countDocuments({ name: 'test.exclusive' })).toBe(1);
  });
});
