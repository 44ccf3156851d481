import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Db } from 'mongodb';
import type { Connection } from 'mongoose';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { type ComposedApp, composeApp } from '../../src/config/compose-app.js';
import { startDemo } from '../../src/config/start-demo.js';
import { fixedClock } from '../../src/core/shared/clock.js';
import { directoryBackups } from '../../src/storage/backups/backup-directory.js';
import { BACKUP_RUNS } from '../../src/storage/backups/backup-runs.js';
import { openBackup } from '../../src/storage/backups/read-backup.js';
import { connectDatabase } from '../../src/storage/connect-database.js';
import { ensureIndexes } from '../../src/storage/models.js';
import { openTestDatabase } from '../support/test-database.js';

// 2026-12-02 02:01 in Shanghai (the demo org's zone): the daily backup is due.
const DUE = new Date('2026-12-01T18:01:00Z');
// Sunday 2026-12-06 04:01 in Shanghai: the weekly drill is due.
const DRILL_DUE = new Date('2026-12-05T20:01:00Z');

describe('backup jobs: the daily backup, retention, failure notices and the drill, across two instances', () => {
  let first: { connection: Connection; close: () => Promise<void> };
  let second: Connection;
  let dir: string;
  const clock = fixedClock(DUE);
  let apps: ComposedApp[];
  let orgId: string;
  const make = (connection: Connection, backupDir: string) =>
    composeApp({
      connection,
      config: { SANDBOX_ENABLED: false, BODY_LIMIT: '1mb', OUTBOX_INTERVAL_MS: 1000, JOBS_ENABLED: false },
      log: pino({ level: 'silent' }),
      clock,
      backups: { dir: backupDir },
    });
  const job = (app: ComposedApp, name: string) => {
    const found = app.jobs.find((j) => j.name === name);
    if (!found) throw new Error(`no job ${name}`);
    return found.run();
  };
  const db = () => first.connection.db as Db;
  const tars = async () => (await readdir(dir)).filter((f) => f.endsWith('.tar')).sort();
  const notices = (kind: string) => db().collection('outbox').find({ kind }).toArray();
  const audited = (kind: string) => db().collection('auditentries').find({ kind }).sort({ at: 1 }).toArray();

  beforeAll(async () => {
    first = await openTestDatabase();
    second = await connectDatabase({ uri: inject('mongoUri'), dbName: db().databaseName });
    const seedApp = make(first.connection, tmpdir());
    await ensureIndexes(seedApp.models);
    orgId = (await startDemo(seedApp, { reset: false })).orgId;
  });
  afterAll(async () => {
    await second.close();
    await first.close();
  });
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'lr-backup-jobs-'));
    apps = [make(first.connection, dir), make(second, dir)];
    await db().collection(BACKUP_RUNS).deleteMany({});
    await db().collection('auditentries').deleteMany({});
    await db()
      .collection('outbox')
      .deleteMany({ kind: /^backup\./ });
    clock.set(DUE);
    return () => rm(dir, { recursive: true, force: true });
  });

  it('runs the daily backup once with two job runners, and once a day', async () => {
    const [a, b] = apps as [ComposedApp, ComposedApp];
    await Promise.all([job(a, 'backups.daily'), job(b, 'backups.daily')]);
    expect(await tars()).toHaveLength(1);
    // One audit entry for the one backup, by the system through the job, in the demo org's trail.
    const [name] = await tars();
    const backup = await openBackup(path.join(dir, name ?? ''));
    const made = await audited('backup.make');
    expect(made).toHaveLength(1);
    expect(made[0]).toMatchObject({
      _id: `${orgId}/backup.make/${name}`,
      actor: { kind: 'system' },
      via: { job: 'backups.daily' },
      target: { type: 'backup', id: name },
      details: { scope: 'all', documents: backup.manifest.orgs.find((o) => o.orgId === orgId)?.documents },
    });
    // The entry came after the backup: the backup does not hold it (the next one will).
    expect(backup.manifest.collections.find((c) => c.name === 'auditentries')?.documents).toBe(0);
    // Later that day, by a third runner (a restarted instance, which remembers nothing): still one.
    clock.set(new Date(DUE.getTime() + 3 * 3_600_000));
    await Promise.all([job(make(first.connection, dir), 'backups.daily'), job(a, 'backups.daily')]);
    expect(await tars()).toHaveLength(1);
    // The next day just before 02:00 the slot is still today's; at 02:01 the next one runs.
    clock.set(new Date(DUE.getTime() + 864e5 - 2 * 60_000));
    await Promise.all([job(a, 'backups.daily'), job(b, 'backups.daily')]);
    expect(await tars()).toHaveLength(1);
    clock.set(new Date(DUE.getTime() + 864e5));
    await Promise.all([job(a, 'backups.daily'), job(b, 'backups.daily')]);
    expect(await tars()).toHaveLength(2);
    expect(await audited('backup.make')).toHaveLength(2);
    expect(await notices('backup.failed')).toEqual([]);
  });

  it('prunes older backups after a good one, keeping the newest of each of the last 7 days', async () => {
    const port = directoryBackups({
      db: db(),
      models: apps[0]?.models as ComposedApp['models'],
      dir,
      service: { name: 'leadrelay', version: 'test' },
    });
    for (let day = 10; day >= 1; day--) await port.write({ now: new Date(DUE.getTime() - day * 864e5) });
    expect(await tars()).toHaveLength(10);
    await job(apps[0] as ComposedApp, 'backups.daily');
    const kept = await port.list();
    const newest = kept.map((b) => b.manifest.createdAt.slice(0, 10));
    expect(newest.slice(0, 7)).toEqual([
      '2026-12-01',
      '2026-11-30',
      '2026-11-29',
      '2026-11-28',
      '2026-11-27',
      '2026-11-26',
      '2026-11-25',
    ]);
    expect(kept.length).toBeLessThan(11);
    expect(await tars()).toHaveLength(kept.length);
  });

  it('tells the admins in chat when the backup fails, once', async () => {
    const blocked = path.join(dir, 'not-a-directory');
    await writeFile(blocked, 'x');
    const failing = [make(first.connection, blocked), make(second, blocked)];
    await Promise.all(failing.map((app) => job(app, 'backups.daily')));
    const told = await notices('backup.failed');
    const admins = await db()
      .collection('members')
      .countDocuments({ orgId: { $exists: true }, roles: 'admin' });
    expect(told).toHaveLength(admins);
    expect(told[0]?.data).toMatchObject({ reason: 'other' });
    // No backup was made, so none is in the audit trail.
    expect(await audited('backup.make')).toEqual([]);
  });

  it('the weekly drill restores the latest backup into a scratch database and reports it to the admins', async () => {
    const [a, b] = apps as [ComposedApp, ComposedApp];
    await job(a, 'backups.daily');
    // The backup's own audit entry was written after it, so it is not among the documents drilled.
    const documents = (await countOrgDocuments(db(), orgId)) - (await audited('backup.make')).length;
    clock.set(DRILL_DUE);
    await Promise.all([job(a, 'backups.drill'), job(b, 'backups.drill')]);
    const told = await notices('backup.drill');
    expect(told.length).toBeGreaterThan(0);
    for (const notice of told)
      expect(notice.data).toMatchObject({ passed: true, documents, differences: [] });
    const drilled = await audited('backup.drill');
    expect(drilled).toHaveLength(1);
    expect(drilled[0]).toMatchObject({
      actor: { kind: 'system' },
      via: { job: 'backups.drill' },
      details: { passed: true, documents, differences: 0 },
    });
    const names = (await db().admin().listDatabases({ nameOnly: true })).databases.map((d) => d.name);
    expect(names.filter((n) => n.startsWith(`${db().databaseName}_drill_`))).toEqual([]);
  });
});

/** The org's documents at backup time, counted the way the manifest does (every collection carrying its id). */
async function countOrgDocuments(db: Db, orgId: string): Promise<number> {
  const { ObjectId } = await import('mongodb');
  const oid = new ObjectId(orgId);
  let total = await db.collection('orgs').countDocuments({ _id: oid });
  for (const { name } of await db.listCollections({}, { nameOnly: true }).toArray()) {
    if (name === 'orgs' || name === BACKUP_RUNS) continue;
    total += await db.collection(name).countDocuments({ orgId: { $in: [oid, orgId] } });
  }
  return total;
}
