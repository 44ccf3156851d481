import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MongoBackend } from '@agendajs/mongo-backend';
import { Agenda } from 'agenda';
import { MongoClient } from 'mongodb';
import mongoose, { type Connection, Schema } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DevDbServer, startDevDbServer } from '../../src/storage/dev-db-server.js';
import { startDatabase } from '../../src/storage/embedded-database.js';

/**
 * The offline dev server (scripts/devdb) must behave like MongoDB for everything the product does through
 * mongoose, the driver and Agenda. Every check goes through the real client libraries.
 */

let dir: string;
let server: DevDbServer;
let conn: Connection;

const itemSchema = new Schema({
  name: { type: String, required: true },
  qty: { type: Number, default: 0 },
  tags: { type: [String], default: [] },
  at: Date,
  group: String,
});
const userSchema = new Schema({ email: { type: String, required: true, unique: true }, name: String });
const claimSchema = new Schema({ key: String, owner: { type: String, default: null } });

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'devdb-test-'));
  server = await startDevDbServer({ snapshotFile: path.join(dir, 'snap.bson'), snapshotIntervalMs: 200 });
  conn = await mongoose.createConnection(server.uri, { dbName: 'x' }).asPromise();
}, 20_000);

afterAll(async () => {
  await conn?.close();
  await server?.stop();
  await rm(dir, { recursive: true, force: true });
}, 20_000);

describe('offline dev server through mongoose', () => {
  it('does CRUD', async () => {
    const Item = conn.model('CrudItem', itemSchema);
    const created = await Item.create({ name: 'a', qty: 1 });
    expect((await Item.findById(created._id).lean())?.name).toBe('a');
    await Item.updateOne({ _id: created._id }, { $set: { name: 'b' } });
    expect((await Item.findOne({ name: 'b' }).lean())?._id.toString()).toBe(created._id.toString());
    const deleted = await Item.deleteOne({ _id: created._id });
    expect(deleted.deletedCount).toBe(1);
    expect(await Item.findById(created._id)).toBeNull();
  });

  it('upserts with $setOnInsert only on insert', async () => {
    const Item = conn.model('UpsertItem', itemSchema);
    const first = await Item.updateOne(
      { name: 'u' },
      { $setOnInsert: { qty: 5 }, $set: { group: 'g1' } },
      { upsert: true },
    );
    expect(first.upsertedCount).toBe(1);
    await Item.updateOne(
      { name: 'u' },
      { $setOnInsert: { qty: 99 }, $set: { group: 'g2' } },
      { upsert: true },
    );
    const docs = await Item.find({ name: 'u' }).lean();
    expect(docs).toHaveLength(1);
    expect(docs[0]).toMatchObject({ qty: 5, group: 'g2' });
  });

  it('applies $inc, $push, $addToSet and $pull', async () => {
    const Item = conn.model('OpsItem', itemSchema);
    const { _id } = await Item.create({ name: 'ops', qty: 1, tags: ['x'] });
    await Item.updateOne({ _id }, { $inc: { qty: 2 }, $push: { tags: 'y' } });
    await Item.updateOne({ _id }, { $addToSet: { tags: { $each: ['y', 'z'] } } });
    await Item.updateOne({ _id }, { $pull: { tags: 'x' } });
    const doc = await Item.findById(_id).lean();
    expect(doc?.qty).toBe(3);
    expect(doc?.tags).toEqual(['y', 'z']);
  });

  it('sorts, skips, limits and pages big results with getMore', async () => {
    const monitored = await mongoose
      .createConnection(server.uri, { dbName: 'x', monitorCommands: true })
      .asPromise();
    try {
      const Item = monitored.model('PagedItem', itemSchema);
      await Item.insertMany(Array.from({ length: 250 }, (_, i) => ({ name: `p${i}`, qty: i })));
      const page = await Item.find({}).sort({ qty: -1 }).skip(10).limit(5).lean();
      expect(page.map((d) => d.qty)).toEqual([239, 238, 237, 236, 235]);
      let getMores = 0;
      monitored.getClient().on('commandStarted', (event) => {
        if (event.commandName === 'getMore') getMores += 1;
      });
      const all = await Item.find({}).sort({ qty: 1 }).batchSize(40).lean();
      expect(all).toHaveLength(250);
      expect(all.map((d) => d.qty)).toEqual(Array.from({ length: 250 }, (_, i) => i));
      expect(getMores).toBe(6); // 40 in the first batch + 6 × 40 (last one partial)
    } finally {
      await monitored.close();
    }
  });

  it('counts and returns distinct values', async () => {
    const Item = conn.model('CountItem', itemSchema);
    await Item.insertMany([
      { name: 'c1', group: 'a' },
      { name: 'c2', group: 'b' },
      { name: 'c3', group: 'a' },
    ]);
    expect(await Item.countDocuments({ group: 'a' })).toBe(2);
    expect(await Item.estimatedDocumentCount()).toBe(3);
    expect((await Item.distinct('group')).sort()).toEqual(['a', 'b']);
  });

  it('round-trips dates (UTC, milliseconds) and ObjectIds', async () => {
    const Item = conn.model('DateItem', itemSchema);
    const at = new Date('2024-02-29T23:59:58.123Z');
    const { _id } = await Item.create({ name: 'd', at });
    const found = await Item.findOne({ at: { $gte: new Date('2024-02-29T23:59:58.000Z') } }).lean();
    expect(found?.at?.toISOString()).toBe(at.toISOString());
    expect(found?._id).toBeInstanceOf(mongoose.Types.ObjectId);
    expect(found?._id.equals(_id)).toBe(true);
  });

  it('enforces unique indexes with E11000 errors, ordered and unordered', async () => {
    const User = conn.model('UniqueUser', userSchema);
    await User.init();
    await User.create({ email: 'a@x.io' });
    const dup = await User.create({ email: 'a@x.io' }).catch((error: unknown) => error);
    expect(dup).toMatchObject({ code: 11000, keyValue: { email: 'a@x.io' } });
    expect(String((dup as Error).message)).toMatch(/E11000 duplicate key error collection: x\.uniqueusers/);
    const bulk = await User.insertMany([{ email: 'b@x.io' }, { email: 'a@x.io' }, { email: 'c@x.io' }], {
      ordered: false,
    }).catch((error: unknown) => error);
    expect(bulk).toMatchObject({ code: 11000 });
    expect((await User.find().lean()).map((u) => u.email).sort()).toEqual(['a@x.io', 'b@x.io', 'c@x.io']);
    const dupUpdate = await User.findOneAndUpdate({ email: 'b@x.io' }, { email: 'c@x.io' }).catch((e) => e);
    expect(dupUpdate).toMatchObject({ code: 11000, codeName: 'DuplicateKey' });
    expect(await User.countDocuments({ email: 'b@x.io' })).toBe(1);
  });

  it('lets exactly one of 50 concurrent findOneAndUpdate claims win', async () => {
    const Claim = conn.model('Claim', claimSchema);
    await Claim.create({ key: 'k', owner: null });
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        Claim.findOneAndUpdate(
          { key: 'k', owner: null },
          { $set: { owner: `w${i}` } },
          { returnDocument: 'after' },
        ).lean(),
      ),
    );
    const winners = results.filter((r) => r !== null);
    expect(winners).toHaveLength(1);
    expect((await Claim.findOne({ key: 'k' }).lean())?.owner).toBe(winners[0]?.owner);
  });

  it('runs bulkWrite with mixed operations', async () => {
    const Item = conn.model('BulkItem', itemSchema);
    await Item.insertMany([
      { name: 'b1', qty: 1 },
      { name: 'b2', qty: 2 },
    ]);
    const res = await Item.bulkWrite([
      { insertOne: { document: { name: 'b3', qty: 3 } } },
      { updateOne: { filter: { name: 'b1' }, update: { $inc: { qty: 10 } } } },
      { updateMany: { filter: { qty: { $gte: 2 } }, update: { $set: { group: 'big' } } } },
      { deleteOne: { filter: { name: 'b2' } } },
      { replaceOne: { filter: { name: 'b4' }, replacement: { name: 'b4', qty: 4 }, upsert: true } },
    ]);
    expect(res.insertedCount).toBe(1);
    expect(res.matchedCount).toBe(4);
    expect(res.deletedCount).toBe(1);
    expect(res.upsertedCount).toBe(1);
    const docs = await Item.find().sort({ name: 1 }).lean();
    expect(docs.map((d) => [d.name, d.qty, d.group ?? null])).toEqual([
      ['b1', 11, 'big'],
      ['b3', 3, 'big'],
      ['b4', 4, null],
    ]);
  });

  it('aggregates with $match, $group, $sort, $facet and $dateToString', async () => {
    const Item = conn.model('AggItem', itemSchema);
    await Item.insertMany([
      { name: 'a1', group: 'a', qty: 1, at: new Date('2024-01-01T10:00:00Z') },
      { name: 'a2', group: 'a', qty: 2, at: new Date('2024-01-02T10:00:00Z') },
      { name: 'b1', group: 'b', qty: 5, at: new Date('2024-01-02T11:00:00Z') },
      { name: 'z', group: 'z', qty: 100 },
    ]);
    const grouped = await Item.aggregate<{ _id: string; total: number }>([
      { $match: { qty: { $lt: 50 } } },
      { $group: { _id: '$group', total: { $sum: '$qty' } } },
      { $sort: { total: -1 } },
    ]);
    expect(grouped).toEqual([
      { _id: 'b', total: 5 },
      { _id: 'a', total: 3 },
    ]);
    const [facets] = await Item.aggregate([
      { $match: { at: { $exists: true } } },
      {
        $facet: {
          byDay: [
            { $group: { _id: { $dateToString: { format: '%Y-%m-%d', date: '$at' } }, n: { $sum: 1 } } },
            { $sort: { _id: 1 } },
          ],
          total: [{ $count: 'n' }],
        },
      },
    ]);
    expect(facets.byDay).toEqual([
      { _id: '2024-01-01', n: 1 },
      { _id: '2024-01-02', n: 2 },
    ]);
    expect(facets.total).toEqual([{ n: 3 }]);
  });

  it('creates compound and partial indexes through Model.init and syncIndexes', async () => {
    const schema = new Schema({ org: String, status: String, ref: String });
    schema.index({ org: 1, status: -1 });
    schema.index({ ref: 1 }, { unique: true, partialFilterExpression: { status: 'open' } });
    const Ticket = conn.model('Ticket', schema);
    await Ticket.init();
    await Ticket.syncIndexes();
    const indexes = await Ticket.listIndexes();
    expect(indexes.map((i) => i.name).sort()).toEqual(['_id_', 'org_1_status_-1', 'ref_1']);
    expect(indexes.find((i) => i.name === 'org_1_status_-1')?.key).toEqual({ org: 1, status: -1 });
    expect(indexes.find((i) => i.name === 'ref_1')).toMatchObject({
      unique: true,
      partialFilterExpression: { status: 'open' },
    });
    // The partial unique index only covers open tickets.
    await Ticket.create({ ref: 'r1', status: 'closed' });
    await Ticket.create({ ref: 'r1', status: 'closed' });
    await Ticket.create({ ref: 'r1', status: 'open' });
    await expect(Ticket.create({ ref: 'r1', status: 'open' })).rejects.toMatchObject({ code: 11000 });
    // A second syncIndexes changes nothing: the server echoes the options back unchanged.
    expect(await Ticket.syncIndexes()).toEqual([]);
  });

  it('counts a findOneAndUpdate as exactly one command when monitoring commands', async () => {
    const monitored = await mongoose
      .createConnection(server.uri, { dbName: 'x', monitorCommands: true })
      .asPromise();
    try {
      const Claim = monitored.model('MonitoredClaim', claimSchema);
      await Claim.init(); // mongoose's background createCollection must not land in the count
      await Claim.create({ key: 'm' });
      const started: string[] = [];
      monitored.getClient().on('commandStarted', (event) => started.push(event.commandName));
      const res = await Claim.findOneAndUpdate(
        { key: 'm' },
        { $set: { owner: 'me' } },
        { returnDocument: 'after' },
      ).lean();
      const commands = [...started];
      expect(res?.owner).toBe('me');
      expect(commands).toEqual(['findAndModify']);
    } finally {
      await monitored.close();
    }
  });

  it('reports MongoDB-shaped errors for bad operators and unknown commands', async () => {
    const db = conn.getClient().db('x');
    await expect(db.collection('errs').findOne({ a: { $bogus: 1 } })).rejects.toMatchObject({ code: 2 });
    await expect(db.command({ noSuchThing: 1 })).rejects.toMatchObject({
      code: 59,
      codeName: 'CommandNotFound',
    });
  });

  it('runs an Agenda 6 job scheduled now', async () => {
    const agenda = new Agenda({
      backend: new MongoBackend({ mongo: conn.getClient().db('agenda_test') }),
      processEvery: 100,
    });
    try {
      const ran = new Promise<unknown>((resolve) => {
        agenda.define('hello', async (job) => {
          resolve(job.attrs.data);
        });
      });
      await agenda.start();
      await agenda.now('hello', { n: 42 });
      const data = await Promise.race([
        ran,
        new Promise((_, reject) => setTimeout(() => reject(new Error('job did not run within 5 s')), 5_000)),
      ]);
      expect(data).toEqual({ n: 42 });
    } finally {
      await agenda.stop();
    }
  }, 10_000);
});

describe('dev server lifecycle', () => {
  it('keeps data and unique indexes across a restart with the same snapshot file', async () => {
    const snapshotFile = path.join(dir, 'restart.bson');
    const first = await startDevDbServer({ snapshotFile });
    const c1 = await mongoose.createConnection(first.uri, { dbName: 'persist' }).asPromise();
    const when = new Date('2030-05-06T07:08:09.010Z');
    try {
      const User = c1.model('User', userSchema);
      await User.init();
      await User.create({ email: 'keep@x.io', name: 'Keep' });
      await c1
        .getClient()
        .db('persist')
        .collection('misc')
        .insertOne({ when, big: 2 ** 40, nested: { a: [1, 'b'] } });
    } finally {
      await c1.close();
      await first.stop();
    }
    expect((await stat(snapshotFile)).size).toBeGreaterThan(0);

    const second = await startDevDbServer({ snapshotFile });
    const c2 = await mongoose.createConnection(second.uri, { dbName: 'persist' }).asPromise();
    try {
      const User = c2.model('User', userSchema);
      expect((await User.findOne({ email: 'keep@x.io' }).lean())?.name).toBe('Keep');
      await expect(User.create({ email: 'keep@x.io' })).rejects.toMatchObject({ code: 11000 });
      const misc = await c2.getClient().db('persist').collection('misc').findOne({});
      expect(misc).toMatchObject({ when, big: 2 ** 40, nested: { a: [1, 'b'] } });
    } finally {
      await c2.close();
      await second.stop();
    }
  }, 20_000);

  it('flush() writes the snapshot before resolving', async () => {
    const snapshotFile = path.join(dir, 'flush.bson');
    const dev = await startDevDbServer({ snapshotFile, snapshotIntervalMs: 60_000 });
    const client = await new MongoClient(dev.uri).connect();
    try {
      await client.db('f').collection('c').insertOne({ a: 1 });
      await expect(stat(snapshotFile)).rejects.toThrow();
      await dev.flush();
      expect((await stat(snapshotFile)).size).toBeGreaterThan(0);
    } finally {
      await client.close();
      await dev.stop();
    }
  });

  it('fails with a clear message when python cannot be run', async () => {
    await expect(startDevDbServer({ python: '/nonexistent/python3' })).rejects.toThrow(/apt-get install/);
  });

  it('startDatabase picks the dev server or the external uri', async () => {
    const external = await startDatabase({
      mongodbUri: 'mongodb://db.example:27017',
      dataDir: dir,
      embedded: 'auto',
    });
    expect(external).toMatchObject({ kind: 'external', uri: 'mongodb://db.example:27017' });
    const dataDir = path.join(dir, 'data');
    const dev = await startDatabase({ dataDir, embedded: 'dev-server' });
    try {
      expect(dev.kind).toBe('dev-server');
      expect(dev.description).toMatch(/offline dev server.*devdb\.bson/);
      const client = await new MongoClient(dev.uri).connect();
      await client.db('admin').command({ ping: 1 });
      await client.close();
    } finally {
      await dev.stop();
    }
  });
});
