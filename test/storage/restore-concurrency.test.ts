import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { type Db, ObjectId } from 'mongodb';
import type { Connection } from 'mongoose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ownedCollections } from '../../src/storage/backups/backup-collections.js';
import { documentsOf, openBackup } from '../../src/storage/backups/read-backup.js';
import { RestoreRefused, restoreBackup } from '../../src/storage/backups/restore-backup.js';
import { pendingRestore, RESTORE_STATE } from '../../src/storage/backups/restore-swap.js';
import { writeBackup } from '../../src/storage/backups/write-backup.js';
import { bindModels, ensureIndexes, type Models } from '../../src/storage/models.js';
import { openTestDatabase } from '../support/test-database.js';
import { seedBackupFixture, snapshotDatabase } from './backup-fixture.js';

const service = { name: 'leadrelay', version: 'test' };

async function waitFor(check: () => Promise<boolean>, what: string): Promise<void> {
  const until = Date.now() + 60_000;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

/** The pid of a process that has exited: a holder on this host that is certainly gone. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid ?? 0;
}

describe('two restores into one database (the restore marker has a holder and a lease)', () => {
  let database: { connection: Connection; close: () => Promise<void> };
  let db: Db;
  let models: Models;
  let dir: string;
  let orgs: { orgA: string; orgB: string };
  const owned = () => ownedCollections(models);
  const names = () => owned().map((c) => c.name);
  const staged = async () =>
    (await db.listCollections().toArray()).filter((c) => c.name.endsWith('__restore')).map((c) => c.name);

  beforeAll(async () => {
    database = await openTestDatabase();
    db = database.connection.db as Db;
    models = bindModels(database.connection);
    dir = await mkdtemp(path.join(tmpdir(), 'lr-restore-race-'));
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

  it('refuses a second restore while one is staging, naming it; the first completes untouched', async () => {
    const before = await snapshotDatabase(db, names());
    const written = await writeBackup({ db, collections: owned(), dir, now: new Date(), service });
    await db.collection('leads').deleteMany({ orgId: new ObjectId(orgs.orgA) });
    const backup = await openBackup(written.file);
    const first = restoreBackup({ db, backup, owned: owned(), orgId: orgs.orgA, force: true, pauseMs: 300 });
    await waitFor(async () => (await pendingRestore(db))?.state === 'staging', 'the first restore staging');

    const second = await restoreBackup({ db, backup, owned: owned(), force: true }).catch((e: unknown) => e);
    expect(second).toBeInstanceOf(RestoreRefused);
    expect((second as RestoreRefused).kind).toBe('in_progress');
    expect((second as RestoreRefused).message).toContain(
      `another restore into ${db.databaseName} is running: ${path.basename(written.file)} (org ${orgs.orgA})`,
    );
    expect((second as RestoreRefused).message).toContain(`(pid ${process.pid})`);

    await first;
    expect(await snapshotDatabase(db, names())).toEqual(before);
    expect(await staged()).toEqual([]);
    expect(await db.listCollections({ name: RESTORE_STATE }).toArray()).toEqual([]);
  });

  it('a restore that finds its marker taken over stops before swapping, leaving the live data as it was', async () => {
    const written = await writeBackup({ db, collections: owned(), dir, now: new Date(), service });
    await db.collection('leads').deleteMany({ orgId: new ObjectId(orgs.orgA) });
    const live = await snapshotDatabase(db, names());
    const backup = await openBackup(written.file);
    const running = restoreBackup({
      db,
      backup,
      owned: owned(),
      orgId: orgs.orgA,
      force: true,
      pauseMs: 300,
    });
    const outcome = running.then(
      () => 'finished',
      (e: unknown) => (e instanceof Error ? e.message : String(e)),
    );
    await waitFor(async () => (await pendingRestore(db))?.state === 'staging', 'the staging phase');
    // What a second run does when the first's lease has passed: one conditional write makes the marker its own.
    await db
      .collection(RESTORE_STATE)
      .updateOne({ _id: 'restore' as never }, { $set: { owner: 'another run' } });
    expect(await outcome).toMatch(/no longer this run's|lost its lease/);
    expect(await snapshotDatabase(db, names())).toEqual(live);
  });

  it('waits out the lease of a holder on another machine, then takes the marker over and discards its staging', async () => {
    const written = await writeBackup({ db, collections: owned(), dir, now: new Date(), service });
    const leaseUntil = new Date(Date.now() + 60_000);
    await db.collection(RESTORE_STATE).insertOne({
      _id: 'restore' as never,
      backup: 'leadrelay-elsewhere.tar',
      mode: 'all',
      state: 'staging',
      collections: [{ name: 'leads', orgKey: 'orgId' }],
      swapped: [],
      startedAt: new Date(),
      owner: 'a run on another machine',
      host: 'another-host',
      pid: 4242,
      leaseUntil,
    });
    await db.collection('leads__restore').insertOne({ _id: new ObjectId(), half: 'staged' });
    const backup = await openBackup(written.file);
    const refused = await restoreBackup({ db, backup, owned: owned(), force: true }).catch((e: unknown) => e);
    expect((refused as RestoreRefused).kind).toBe('in_progress');
    expect((refused as RestoreRefused).message).toContain('leadrelay-elsewhere.tar, started');
    expect((refused as RestoreRefused).message).toContain(
      `on another-host (pid 4242). Wait for it to finish; if that process died on another machine, run again after ${leaseUntil.toISOString()}.`,
    );
    expect(await staged()).toEqual(['leads__restore']);

    await db
      .collection(RESTORE_STATE)
      .updateOne({ _id: 'restore' as never }, { $set: { leaseUntil: new Date(0) } });
    const result = await restoreBackup({ db, backup, owned: owned(), force: true });
    expect(result.documents).toBe(written.manifest.documents);
    expect(await db.collection('leads').countDocuments({ half: 'staged' })).toBe(0);
    expect(await staged()).toEqual([]);
  });

  it('takes over at once the marker of a process on this host that no longer exists, and completes its swap', async () => {
    const before = await snapshotDatabase(db, names());
    const written = await writeBackup({ db, collections: owned(), dir, now: new Date(), service });
    await db.collection('leads').deleteMany({});
    // A whole-database swap that died after staging leads: its staging holds the backup's leads.
    const backup = await openBackup(written.file);
    await db.collection('leads__restore').insertMany(await leadsOf(written.file));
    await db.collection(RESTORE_STATE).insertOne({
      _id: 'restore' as never,
      backup: path.basename(written.file),
      mode: 'all',
      state: 'swapping',
      collections: [{ name: 'leads', orgKey: 'orgId' }],
      swapped: [],
      startedAt: new Date(),
      owner: 'a killed run',
      host: hostname(),
      pid: await deadPid(),
      leaseUntil: new Date(Date.now() + 60_000),
    });
    const result = await restoreBackup({ db, backup, owned: owned(), force: true });
    expect(result.completedInterrupted).toBe(path.basename(written.file));
    expect((await snapshotDatabase(db, ['leads'])).leads?.docs).toEqual(before.leads?.docs);
    expect(await db.listCollections({ name: RESTORE_STATE }).toArray()).toEqual([]);
  });

  /** The backup's leads, read back as the restore reads them. */
  async function leadsOf(file: string) {
    const docs = [];
    for await (const doc of documentsOf(await openBackup(file), 'leads')) docs.push(doc);
    return docs;
  }
});
