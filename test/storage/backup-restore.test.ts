import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Db, Decimal128, ObjectId } from 'mongodb';
import type { Connection } from 'mongoose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ownedCollections } from '../../src/storage/backups/backup-collections.js';
import { drillBackup } from '../../src/storage/backups/drill-backup.js';
import { openBackup } from '../../src/storage/backups/read-backup.js';
import { RestoreRefused, restoreBackup } from '../../src/storage/backups/restore-backup.js';
import { RESTORE_STATE } from '../../src/storage/backups/restore-swap.js';
import { writeBackup } from '../../src/storage/backups/write-backup.js';
import { bindModels, ensureIndexes, type Models } from '../../src/storage/models.js';
import { openTestDatabase } from '../support/test-database.js';
import { seedBackupFixture, snapshotDatabase } from './backup-fixture.js';

const service = { name: 'leadrelay', version: 'test' };

describe('backup and restore (driver, real wire protocol)', () => {
  let database: { connection: Connection; close: () => Promise<void> };
  let db: Db;
  let models: Models;
  let dir: string;
  let orgs: { orgA: string; orgB: string };
  const owned = () => ownedCollections(models);
  const names = () => owned().map((c) => c.name);
  const backupNow = (orgId?: string) =>
    writeBackup({ db, collections: owned(), dir, now: new Date(), service, ...(orgId ? { orgId } : {}) });

  beforeAll(async () => {
    database = await openTestDatabase();
    db = database.connection.db as Db;
    models = bindModels(database.connection);
    dir = await mkdtemp(path.join(tmpdir(), 'lr-backup-'));
  });
  afterAll(async () => {
    await database.close();
    await rm(dir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    await db.dropDatabase();
    await ensureIndexes(models);
    orgs = await seedBackupFixture(db);
  });

  it('backup → wipe → restore gives back every document of every collection, types and indexes included', async () => {
    const before = await snapshotDatabase(db, names());
    const written = await backupNow();
    expect(written.manifest.documents).toBe(2 * (1 + 1 + 3 + 30 + 1) + 1);
    expect(written.manifest.orgs.map((o) => o.orgId).sort()).toEqual([orgs.orgA, orgs.orgB].sort());
    await db.dropDatabase();
    const result = await restoreBackup({ db, backup: await openBackup(written.file), owned: owned() });
    expect(result.documents).toBe(written.manifest.documents);
    expect(await snapshotDatabase(db, names())).toEqual(before);
    const lead = await db.collection('leads').findOne({ code: 'L3' });
    expect(lead?.amount).toBeInstanceOf(Decimal128);
    expect(lead?.createdAt).toBeInstanceOf(Date);
    expect(lead?._id).toBeInstanceOf(ObjectId);
    expect(await db.listCollections({ name: RESTORE_STATE }).toArray()).toEqual([]);
    expect((await db.listCollections().toArray()).filter((c) => c.name.endsWith('__restore'))).toEqual([]);
  });

  it('restores one org into a database holding another, touching only that org', async () => {
    const before = await snapshotDatabase(db, names());
    const written = await backupNow();
    for (const c of owned().filter((c) => c.orgKey !== 'none')) {
      const key = c.orgKey === '_id' ? '_id' : 'orgId';
      await db.collection(c.name).deleteMany({ [key]: { $in: [new ObjectId(orgs.orgA), orgs.orgA] } });
    }
    const laterLead = { _id: new ObjectId(), orgId: new ObjectId(orgs.orgB), code: 'L99', name: 'later' };
    await db.collection('leads').insertOne(laterLead);
    await restoreBackup({ db, backup: await openBackup(written.file), owned: owned(), orgId: orgs.orgA });
    await db.collection('leads').deleteOne({ _id: laterLead._id });
    expect(await snapshotDatabase(db, names())).toEqual(before);
  });

  it('refuses to overwrite existing data without force, and overwrites with it', async () => {
    const written = await backupNow();
    await db.collection('leads').deleteMany({ orgId: new ObjectId(orgs.orgA) });
    const backup = await openBackup(written.file);
    await expect(restoreBackup({ db, backup, owned: owned() })).rejects.toMatchObject({ kind: 'not_empty' });
    await expect(restoreBackup({ db, backup, owned: owned(), orgId: orgs.orgA })).rejects.toMatchObject({
      kind: 'not_empty',
    });
    expect(await db.collection('leads').countDocuments({ orgId: new ObjectId(orgs.orgA) })).toBe(0);
    await restoreBackup({ db, backup, owned: owned(), orgId: orgs.orgA, force: true });
    expect(await db.collection('leads').countDocuments({ orgId: new ObjectId(orgs.orgA) })).toBe(30);
    await restoreBackup({ db, backup, owned: owned(), force: true });
    expect(await db.collection('leads').countDocuments()).toBe(60);
  });

  it('refuses a backup whose bytes do not match its manifest before writing anything', async () => {
    const written = await backupNow();
    const backup = await openBackup(written.file);
    const leads = backup.entries.get('collections/leads.ejson.gz');
    if (!leads) throw new Error('no leads entry');
    const file = await open(written.file, 'r+');
    const byte = Buffer.alloc(1);
    await file.read(byte, 0, 1, leads.offset + 40);
    await file.write(Buffer.from([(byte[0] ?? 0) ^ 0xff]), 0, 1, leads.offset + 40);
    await file.close();
    await db.dropDatabase();
    const refused = await restoreBackup({ db, backup, owned: owned() }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RestoreRefused);
    expect((refused as RestoreRefused).kind).toBe('checksum');
    expect((refused as RestoreRefused).differences.map((d) => [d.collection, d.what])).toContainEqual([
      'leads',
      'file_checksum',
    ]);
    expect(await db.listCollections().toArray()).toEqual([]);
  });

  it('a one-org backup holds that org only and restores as that org', async () => {
    const written = await backupNow(orgs.orgA);
    expect(written.manifest.scope).toEqual({ kind: 'org', orgId: orgs.orgA });
    expect(written.manifest.orgs.map((o) => o.orgId)).toEqual([orgs.orgA]);
    expect(written.manifest.collections.map((c) => c.name)).not.toContain('inbound_events');
    await db.dropDatabase();
    await restoreBackup({ db, backup: await openBackup(written.file), owned: owned() });
    expect(await db.collection('orgs').distinct('name')).toEqual(['Org A']);
  });

  it('the drill restores into a scratch database, finds no difference and drops it', async () => {
    const written = await backupNow();
    const scratchName = `${db.databaseName}_drill_1`;
    const outcome = await drillBackup({
      db,
      backup: await openBackup(written.file),
      owned: owned(),
      scratchName,
    });
    expect(outcome).toEqual({ documents: written.manifest.documents, differences: [] });
    const dbs = await db.admin().listDatabases({ nameOnly: true });
    expect(dbs.databases.map((d) => d.name)).not.toContain(scratchName);
  });
});
