import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MongoClient, ObjectId } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DevDbServer, startDevDbServer } from '../../src/storage/dev-db-server.js';
import { isAlive, waitUntil } from '../support/service-process.js';

// Issue #10 item 7 at the database's level: a kill -9 of the dev server loses no write it answered.
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'devdb-journal-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function crash(server: DevDbServer): Promise<void> {
  if (!server.pid) throw new Error('no pid');
  const pid = server.pid;
  process.kill(pid, 'SIGKILL');
  expect(await waitUntil(() => !isAlive(pid), 5_000)).toBe(true);
}

type Thing = { email: string; n?: number; tags?: string[] };

async function withClient<T>(server: DevDbServer, use: (client: MongoClient) => Promise<T>): Promise<T> {
  const client = await new MongoClient(server.uri, { serverSelectionTimeoutMS: 5_000 }).connect();
  try {
    return await use(client);
  } finally {
    await client.close(true).catch(() => undefined);
  }
}

describe('the dev server journal', () => {
  it('replays every answered write after a kill -9, upserts with the same ids, unique indexes kept', async () => {
    const snapshotFile = path.join(dir, 'crash.bson');
    // No compaction during the test: everything after start lives in the journal only.
    const first = await startDevDbServer({ snapshotFile, snapshotIntervalMs: 600_000 });
    const written = await withClient(first, async (client) => {
      const c = client.db('j').collection<Thing>('things');
      await c.createIndex({ email: 1 }, { unique: true });
      await c.insertMany([
        { email: 'a@x.io', n: 1 },
        { email: 'b@x.io', n: 2 },
      ]);
      await c.updateOne({ email: 'a@x.io' }, { $inc: { n: 10 }, $push: { tags: 'x' } });
      await c.deleteOne({ email: 'b@x.io' });
      const upserted = await c.updateOne({ email: 'u@x.io' }, { $set: { n: 7 } }, { upsert: true });
      const found = await c.findOneAndUpdate(
        { email: 'f@x.io' },
        { $setOnInsert: { n: 9 } },
        { upsert: true, returnDocument: 'after' },
      );
      await expect(c.insertOne({ email: 'a@x.io' })).rejects.toMatchObject({ code: 11000 });
      return { upsertedId: upserted.upsertedId, foundId: found?._id };
    });
    await crash(first);

    const second = await startDevDbServer({ snapshotFile, snapshotIntervalMs: 600_000 });
    try {
      await withClient(second, async (client) => {
        const c = client.db('j').collection<Thing>('things');
        const docs = await c.find({}, { sort: { email: 1 } }).toArray();
        expect(docs.map((d) => [d.email, d.n])).toEqual([
          ['a@x.io', 11],
          ['f@x.io', 9],
          ['u@x.io', 7],
        ]);
        expect(docs.find((d) => d.email === 'a@x.io')?.tags).toEqual(['x']);
        expect(docs.find((d) => d.email === 'u@x.io')?._id).toEqual(written.upsertedId);
        expect(docs.find((d) => d.email === 'f@x.io')?._id).toEqual(written.foundId);
        expect(written.upsertedId).toBeInstanceOf(ObjectId);
        await expect(c.insertOne({ email: 'f@x.io' })).rejects.toMatchObject({ code: 11000 });
        await c.insertOne({ email: 'after-restart@x.io' });
      });
      await crash(second);
    } finally {
      await second.stop();
    }
    // A second crash, now with journals of two generations behind the same snapshot: still all there.
    const third = await startDevDbServer({ snapshotFile, snapshotIntervalMs: 100 });
    try {
      const count = await withClient(third, (client) => client.db('j').collection('things').countDocuments());
      expect(count).toBe(4);
    } finally {
      await third.stop();
    }
  }, 30_000);

  it('compacts without losing writes made while the snapshot is written, and drops the journals it holds', async () => {
    const snapshotFile = path.join(dir, 'compact.bson');
    const first = await startDevDbServer({ snapshotFile, snapshotIntervalMs: 50 });
    const stats = await withClient(first, async (client) => {
      const c = client.db('k').collection('rows');
      // Writes keep coming while compactions (every 50 ms) fork their writers: at least two happen mid-load.
      let stats = await client.db('admin').command({ devStats: 1 });
      for (let round = 0; round < 20 || stats.journalGen < 2; round++) {
        await c.insertMany(Array.from({ length: 50 }, (_, i) => ({ round, i, pad: 'x'.repeat(200) })));
        stats = await client.db('admin').command({ devStats: 1 });
      }
      return { stats, rows: await c.countDocuments() };
    });
    expect(stats.stats.journalGen).toBeGreaterThanOrEqual(2);
    await crash(first);
    const files = await readdir(dir);
    expect(files.filter((f) => f.startsWith('compact.bson.journal.')).length).toBeGreaterThan(0);
    const second = await startDevDbServer({ snapshotFile, snapshotIntervalMs: 50 });
    try {
      expect(await withClient(second, (client) => client.db('k').collection('rows').countDocuments())).toBe(
        stats.rows,
      );
      await second.flush();
      const after = await withClient(second, (client) => client.db('admin').command({ devStats: 1 }));
      const gens = (await readdir(dir))
        .filter((f) => f.startsWith('compact.bson.journal.'))
        .map((f) => Number(f.split('.').at(-1)));
      // The snapshot holds every generation before the current one: those files are gone.
      expect(gens.every((gen) => gen >= after.journalGen)).toBe(true);
    } finally {
      await second.stop();
    }
  }, 30_000);
});
