import { describe, expect, it } from 'vitest';
import type { AuditEntry, AuditLog } from '../../../src/core/audit/index.js';
import { recordBackupMade, recordDrill, recordRestore } from '../../../src/core/backups/audit-backups.js';
import type { BackupManifest } from '../../../src/core/backups/backup-manifest.js';
import { DEFAULT_ORG_SETTINGS, type Org } from '../../../src/core/org/types.js';
import { orgId } from '../../../src/core/shared/ids.js';

const AT = new Date('2026-12-02T06:00:00Z');
const clock = { now: () => AT };
const orgOf = (id: string, retentionDays?: number): Org => ({
  id: orgId(id),
  name: id,
  chat: { platform: 'sandbox', workspaceId: id },
  settings: { ...DEFAULT_ORG_SETTINGS, ...(retentionDays ? { audit: { retentionDays } } : {}) },
  createdAt: AT,
});
const A = orgOf('00000000000000000000000a', 30);
const B = orgOf('00000000000000000000000b');
const manifest = {
  createdAt: '2026-12-01T18:00:00.000Z',
  scope: { kind: 'all' },
  bytes: 9000,
  orgs: [
    { orgId: A.id, documents: 40 },
    { orgId: B.id, documents: 60 },
    // An org in the backup that this database does not hold: it gets no entry (it has no trail here).
    { orgId: '00000000000000000000000c', documents: 5 },
  ],
} as unknown as BackupManifest;
const log = (): { audit: AuditLog; recorded: AuditEntry[] } => {
  const recorded: AuditEntry[] = [];
  return { recorded, audit: { record: async (e) => void recorded.push(e) } };
};

describe('backup side audit entries', () => {
  it('records a backup once per org it holds, each with its own figure and retention, by the job', async () => {
    const { audit, recorded } = log();
    await recordBackupMade({ audit, clock }, [A, B], { job: 'backups.daily' }, { name: 'x.tar', manifest });
    expect(recorded.map((e) => [e.orgId, e.details?.documents, e.key])).toEqual([
      [A.id, 40, 'x.tar'],
      [B.id, 60, 'x.tar'],
    ]);
    expect(recorded[0]).toMatchObject({ actor: { kind: 'system' }, via: { job: 'backups.daily' } });
    expect(recorded[0]?.expireAt).toEqual(new Date(AT.getTime() + 30 * 86_400_000));
    expect(recorded[1]?.expireAt).toEqual(new Date(AT.getTime() + 1095 * 86_400_000));
  });

  it('records a one-org restore in that org only, by the OS user at the command line', async () => {
    const { audit, recorded } = log();
    const origin = { script: 'restore', osUser: 'ops' };
    await recordRestore({ audit, clock }, [A, B], origin, {
      backup: 'x.tar',
      manifest,
      orgId: B.id,
      force: true,
      result: { outcome: 'restored' },
    });
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({
      orgId: B.id,
      kind: 'backup.restore',
      actor: { kind: 'cli', name: 'ops' },
      via: { cli: true, script: 'restore' },
      details: { outcome: 'restored', mode: 'org', force: true, documents: 60, backupAt: manifest.createdAt },
    });
    expect(recorded[0]?.key).toBeUndefined();
  });

  it('records a refused restore without a document count, and a drill keyed by its slot in every org', async () => {
    const { audit, recorded } = log();
    await recordRestore(
      { audit, clock },
      [A],
      { script: 'restore', osUser: 'ops' },
      {
        backup: 'x.tar',
        manifest,
        force: false,
        result: { outcome: 'refused', reason: 'not_empty' },
      },
    );
    expect(recorded[0]?.details).toEqual({
      outcome: 'refused',
      reason: 'not_empty',
      mode: 'all',
      backupAt: manifest.createdAt,
      force: false,
    });
    await recordDrill(
      { audit, clock },
      [A, B],
      { job: 'backups.drill' },
      {
        slot: 'weekly:2026-12-06',
        passed: false,
        differences: 0,
        error: 'no whole-database backup to drill',
      },
    );
    const drills = recorded.filter((e) => e.kind === 'backup.drill');
    expect(drills.map((e) => [e.orgId, e.key, e.target.id])).toEqual([
      [A.id, 'weekly:2026-12-06', 'weekly:2026-12-06'],
      [B.id, 'weekly:2026-12-06', 'weekly:2026-12-06'],
    ]);
    expect(drills[0]?.details).toEqual({
      passed: false,
      differences: 0,
      error: 'no whole-database backup to drill',
    });
  });
});
