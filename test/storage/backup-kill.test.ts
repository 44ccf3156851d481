import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { type Db, ObjectId } from 'mongodb';
import type { Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ownedCollections } from '../../src/storage/backups/backup-collections.js';
import { openBackup, verifyBackup } from '../../src/storage/backups/read-backup.js';
import { pendingRestore, RESTORE_STATE } from '../../src/storage/backups/restore-swap.js';
import { writeBackup } from '../../src/storage/backups/write-backup.js';
import { bindModels, ensureIndexes, type Models } from '../../src/storage/models.js';
import { openTestDatabase } from '../support/test-database.js';
import { seedBackupFixture, snapshotDatabase } from './backup-fixture.js';

/** The CLI as a person runs it, in its own process, against this file's test database. */
function runCli(script: 'backup' | 'restore', args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', `scripts/${script}.ts`, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

const exitOf = (child: ChildProcess) =>
  new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)),
  );

async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

/** The restores' audit entries' outcomes, removed so that what is left compares with the backup as it was. */
async function takeRestoreEntries(db: Db): Promise<unknown[]> {
  const entries = await db.collection('auditentries').find({ kind: 'backup.restore' }).toArray();
  await db.collection('auditentries').deleteMany({ kind: 'backup.restore' });
  return entries.map((e) => e.details?.outcome);
}

describe('kill -9 in the middle of a backup and of a restore', () => {
  let database: { connection: Connection; close: () => Promise<void> };
  let db: Db;
  let models: Models;
  let dir: string;
  let uri: string;
  const names = () => ownedCollections(models).map((c) => c.name);

  beforeAll(async () => {
    database = await openTestDatabase();
    db = database.connection.db as Db;
    models = bindModels(database.connection);
    await ensureIndexes(models);
    await seedBackupFixture(db, 200);
    dir = await mkdtemp(path.join(tmpdir(), 'lr-kill-'));
    const url = new URL(inject('mongoUri'));
    url.pathname = `/${db.databaseName}`;
    uri = url.toString();
  });
  afterAll(async () => {
    await database.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('a backup killed after its first collection leaves no complete-looking file; the next run completes', async () => {
    const child = runCli('backup', ['--dir', dir], { MONGODB_URI: uri, BACKUP_TEST_PAUSE_MS: '2000' });
    const exited = exitOf(child);
    // The temporary archive has its first collection once it is past the first header block.
    await waitFor(async () => {
      const partial = (await readdir(dir)).find((f) => f.endsWith('.partial'));
      return partial !== undefined && (await stat(path.join(dir, partial))).size > 1024;
    }, 'the first collection');
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect((await readdir(dir)).filter((f) => f.endsWith('.tar'))).toEqual([]);

    const again = runCli('backup', ['--dir', dir], { MONGODB_URI: uri });
    expect(await exitOf(again)).toBe(0);
    const complete = (await readdir(dir)).filter((f) => f.endsWith('.tar'));
    expect(complete).toHaveLength(1);
    const backup = await openBackup(path.join(dir, complete[0] ?? ''));
    expect(await verifyBackup(backup)).toEqual([]);
    expect(backup.manifest.collections.map((c) => c.name)).toEqual(names());
  }, 120_000);

  it('a restore killed while staging leaves the old data; killed while swapping, the next run completes it', async () => {
    const newData = await snapshotDatabase(db, names());
    const written = await writeBackup({
      db,
      collections: ownedCollections(models),
      dir,
      now: new Date(),
      service: { name: 'leadrelay', version: 'test' },
    });
    // The "old" data the restore replaces: one more lead and one fewer member than the backup.
    await db.collection('leads').insertOne({ _id: new ObjectId(), orgId: new ObjectId(), code: 'OLD' });
    await db.collection('members').deleteOne({});
    const oldData = await snapshotDatabase(db, names());
    const env = { MONGODB_URI: uri, RESTORE_TEST_PAUSE_MS: '600' };

    const staging = runCli('restore', [written.file, '--force'], env);
    let exited = exitOf(staging);
    await waitFor(async () => (await pendingRestore(db))?.state === 'staging', 'the staging phase');
    await sleep(300);
    staging.kill('SIGKILL');
    await exited;
    expect(await snapshotDatabase(db, names())).toEqual(oldData);

    const swapping = runCli('restore', [written.file, '--force'], env);
    exited = exitOf(swapping);
    await waitFor(
      async () => ((await pendingRestore(db))?.swapped.length ?? 0) >= 1,
      'the first swap',
      120_000,
    );
    swapping.kill('SIGKILL');
    await exited;
    expect((await pendingRestore(db))?.state).toBe('swapping');

    const resumed = runCli('restore', [written.file], { MONGODB_URI: uri });
    expect(await exitOf(resumed)).toBe(0);
    // The restored database as backed up, plus the restore's own audit entries (scripts/restore-command.ts).
    expect(await takeRestoreEntries(db)).toEqual(['restored', 'restored']);
    expect(await snapshotDatabase(db, names())).toEqual(newData);
    expect(await db.listCollections({ name: RESTORE_STATE }).toArray()).toEqual([]);
    const left = (await db.listCollections().toArray()).filter((c) => c.name.endsWith('__restore'));
    expect(left).toEqual([]);
  }, 240_000);

  it('a one-org restore killed in its swap step is completed by the next run: that org as backed up, the other untouched', async () => {
    await db.dropDatabase();
    await ensureIndexes(models);
    const orgs = await seedBackupFixture(db, 200);
    const backedUp = await snapshotDatabase(db, names());
    const written = await writeBackup({
      db,
      collections: ownedCollections(models),
      dir,
      now: new Date(),
      service: { name: 'leadrelay', version: 'test' },
    });
    // Org A changed since the backup (a lead gone, one added); org B went on working (a lead added).
    const orgA = new ObjectId(orgs.orgA);
    await db.collection('leads').deleteOne({ orgId: orgA });
    await db.collection('leads').insertOne({ _id: new ObjectId(), orgId: orgA, code: 'A-NEW' });
    const laterB = { _id: new ObjectId(), orgId: new ObjectId(orgs.orgB), code: 'B-LATER' };
    await db.collection('leads').insertOne(laterB);
    const args = [written.file, '--org', orgs.orgA, '--force'];

    const swapping = runCli('restore', args, { MONGODB_URI: uri, RESTORE_TEST_PAUSE_MS: '600' });
    const exited = exitOf(swapping);
    await waitFor(
      async () => ((await pendingRestore(db))?.swapped.length ?? 0) >= 1,
      'the first collection swapped',
      120_000,
    );
    swapping.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    const marker = await pendingRestore(db);
    expect(marker).toMatchObject({ state: 'swapping', mode: 'org', orgId: orgs.orgA });
    // Killed part-way: some of org A's collections are swapped and some are not.
    expect(marker?.swapped.length).toBeLessThan(marker?.collections.length ?? 0);

    const resumed = runCli('restore', [written.file, '--org', orgs.orgA], { MONGODB_URI: uri });
    expect(await exitOf(resumed)).toBe(0);
    expect(await takeRestoreEntries(db)).toEqual(['restored']);
    await db.collection('leads').deleteOne({ _id: laterB._id });
    expect(await snapshotDatabase(db, names())).toEqual(backedUp);
    expect(await db.listCollections({ name: RESTORE_STATE }).toArray()).toEqual([]);
    const left = (await db.listCollections().toArray()).filter((c) => c.name.endsWith('__restore'));
    expect(left).toEqual([]);
  }, 240_000);
});
