import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Db } from 'mongodb';
import type { Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { backupCommand } from '../../scripts/backup-command.js';
import { cliOrigin } from '../../scripts/cli-origin.js';
import { exportCommand } from '../../scripts/export-command.js';
import { restoreCommand } from '../../scripts/restore-command.js';
import { openBackup } from '../../src/storage/backups/read-backup.js';
import { RestoreRefused } from '../../src/storage/backups/restore-backup.js';
import { connectDatabase } from '../../src/storage/connect-database.js';
import { bindModels, ensureIndexes, type Models } from '../../src/storage/models.js';
import { AUDIT_HEADER_ZH } from '../http/export-fixtures.js';
import { seedBackupFixture } from '../storage/backup-fixture.js';
import { openTestDatabase } from '../support/test-database.js';

// `npm run backup`, `npm run restore` and `npm run export` write their audit entries: the very functions the
// scripts run, on the dev database, as the OS user "tester" at the command line.

const SERVICE = { name: 'leadrelay', version: 'test' };
const CLI = { kind: 'cli', name: 'tester' };

describe('the CLIs in the audit trail: backup, restore (into the restored database) and export', () => {
  let source: { connection: Connection; close: () => Promise<void> };
  let target: Connection;
  let models: Models;
  let targetModels: Models;
  let dir: string;
  let orgA: string;
  let orgB: string;
  let first: string;
  const entries = (m: Models, kind: string) => m.AuditEntry.find({ kind }).sort({ at: 1, _id: 1 }).lean();

  beforeAll(async () => {
    source = await openTestDatabase();
    models = bindModels(source.connection);
    await ensureIndexes(models);
    ({ orgA, orgB } = await seedBackupFixture(source.connection.db as Db, 20));
    const db = source.connection.db as Db;
    target = await connectDatabase({ uri: inject('mongoUri'), dbName: `${db.databaseName}_into` });
    targetModels = bindModels(target);
    dir = await mkdtemp(path.join(tmpdir(), 'lr-cli-audit-'));
  });
  afterAll(async () => {
    await target.dropDatabase().catch(() => undefined);
    await target.close();
    await source.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('npm run backup: one entry per org in the backup, by the OS user, after the backup (the next one holds it)', async () => {
    const db = source.connection.db as Db;
    const run = (now: Date) =>
      backupCommand({ db, models, dir, now, service: SERVICE, origin: cliOrigin('backup', 'tester') });
    const written = await run(new Date());
    first = written.file;
    const made = await entries(models, 'backup.make');
    expect(made.map((e) => e.orgId.toHexString()).sort()).toEqual([orgA, orgB].sort());
    for (const entry of made) {
      const own = written.manifest.orgs.find((o) => o.orgId === entry.orgId.toHexString());
      expect(entry).toMatchObject({
        _id: `${entry.orgId.toHexString()}/backup.make/${written.name}`,
        actor: CLI,
        via: { cli: true, script: 'backup' },
        target: { type: 'backup', id: written.name },
        details: { scope: 'all', documents: own?.documents, bytes: written.manifest.bytes },
      });
    }
    const count = (file: string, name: string) =>
      openBackup(file).then((b) => b.manifest.collections.find((c) => c.name === name)?.documents);
    expect(await count(written.file, 'auditentries')).toBe(0);
    const second = await run(new Date(Date.now() + 1000));
    expect(await count(second.file, 'auditentries')).toBe(2);
    expect(await entries(models, 'backup.make')).toHaveLength(4);
  });

  it('npm run restore: the entry is written into the restored database, per org; a refusal is recorded too', async () => {
    const backup = await openBackup(first);
    const db = target.db as Db;
    const restore = (extra: { orgId?: string; force?: boolean }) =>
      restoreCommand({ db, backup, models: targetModels, origin: cliOrigin('restore', 'tester'), ...extra });
    await restore({});
    const restored = await entries(targetModels, 'backup.restore');
    expect(restored.map((e) => e.orgId.toHexString()).sort()).toEqual([orgA, orgB].sort());
    for (const entry of restored) {
      const own = backup.manifest.orgs.find((o) => o.orgId === entry.orgId.toHexString());
      expect(entry).toMatchObject({
        actor: CLI,
        via: { cli: true, script: 'restore' },
        target: { type: 'backup', id: path.basename(first) },
        details: {
          outcome: 'restored',
          mode: 'all',
          backupAt: backup.manifest.createdAt,
          force: false,
          documents: own?.documents,
        },
      });
    }
    // The source database is untouched by the restore's entries.
    expect(await entries(models, 'backup.restore')).toEqual([]);

    // Again without --force: refused (the data is there), nothing restored, and the attempt is in both trails.
    await expect(restore({})).rejects.toBeInstanceOf(RestoreRefused);
    const refused = (await entries(targetModels, 'backup.restore')).filter(
      (e) => e.details?.outcome === 'refused',
    );
    expect(refused).toHaveLength(2);
    expect(refused[0]?.details).toMatchObject({ reason: 'not_empty', force: false });

    // One org with --force: that org's trail only (the whole-database entries before it went with the swap).
    await restore({ orgId: orgA, force: true });
    const one = (await entries(targetModels, 'backup.restore')).filter((e) => e.details?.mode === 'org');
    expect(one.map((e) => e.orgId.toHexString())).toEqual([orgA]);
    expect(one[0]?.details).toMatchObject({ outcome: 'restored', force: true });

    // A backup file gone after it was opened: the restore fails (not a refusal) and says so in the trail.
    const copy = path.join(dir, 'vanishing.tar');
    await copyFile(first, copy);
    const vanishing = await openBackup(copy);
    await rm(copy);
    await expect(
      restoreCommand({ db, backup: vanishing, models: targetModels, origin: cliOrigin('restore', 'tester') }),
    ).rejects.not.toBeInstanceOf(RestoreRefused);
    const failed = (await entries(targetModels, 'backup.restore')).filter(
      (e) => e.details?.outcome === 'failed',
    );
    expect(failed).toHaveLength(2);
    expect(failed[0]?.target).toEqual({ type: 'backup', id: 'vanishing.tar' });
    expect(String(failed[0]?.details?.error)).toContain('ENOENT');
  });

  it('npm run export: the export is in the trail by the OS user, and the audit kind exports that trail', async () => {
    const out = path.join(dir, 'audit.csv');
    const result = await exportCommand({
      models,
      org: orgA,
      query: { kind: 'audit' },
      out,
      origin: cliOrigin('export', 'tester'),
    });
    // Org A's two backups, nothing of org B's.
    expect(result.rows).toBe(2);
    const [header, ...rows] = parse((await readFile(out, 'utf8')).slice(1)) as string[][];
    expect(header).toEqual(AUDIT_HEADER_ZH);
    expect(rows.map((r) => [r[1], r[2], r[4]])).toEqual([
      ['tester', '命令行', '备份数据库'],
      ['tester', '命令行', '备份数据库'],
    ]);
    const exported = await entries(models, 'export.run');
    expect(exported).toHaveLength(1);
    expect(exported[0]).toMatchObject({
      actor: CLI,
      via: { cli: true, script: 'export' },
      details: { kind: 'audit', format: 'csv', rows: 2 },
    });
    expect(exported[0]?.orgId.toHexString()).toBe(orgA);
  });
});
