import { type AuditFields, type AuditLog, recordAudit } from '../audit/index.js';
import { type CallerOrigin, type Org, systemCaller, withOrigin } from '../org/index.js';
import type { Clock } from '../shared/clock.js';
import type { BackupManifest } from './backup-manifest.js';

/** What the backup side needs to write its audit entries; `audit` absent (a unit test): nothing is written. */
export type BackupAuditDeps = { readonly audit?: AuditLog; readonly clock: Clock };

/**
 * A backup, a restore or a drill is of the whole database (or of one org), and an audit entry belongs to one org:
 * so each org the operation concerned gets its own entry, in its own trail, acting as the system with the origin
 * given (a job's name, or the CLI's script and OS user). Orgs not in `orgs` (not in this database) get none.
 */
async function recordForEach(
  deps: BackupAuditDeps,
  orgs: readonly Org[],
  orgIds: readonly string[],
  origin: CallerOrigin,
  change: (org: Org) => Parameters<typeof recordAudit>[2],
): Promise<void> {
  for (const org of orgs.filter((o) => orgIds.includes(o.id))) {
    await recordAudit(deps, withOrigin(systemCaller(org), origin), change(org));
  }
}

const documentsOf = (manifest: Pick<BackupManifest, 'orgs'>, org: Org) =>
  manifest.orgs.find((o) => o.orgId === org.id)?.documents ?? 0;

/**
 * `backup.make` for a backup made by the daily job or `npm run backup` (the API's is makeBackup's), one per org it
 * holds, each with its own document count (an org never learns another's figures). Keyed by the file's name: a
 * retried call records it once. Call it only once the backup is final (its manifest written, the file renamed):
 * the backup read the audit collection before this entry existed, so no backup ever holds an entry about itself,
 * let alone one for a backup that then failed; the next backup holds it.
 */
export async function recordBackupMade(
  deps: BackupAuditDeps,
  orgs: readonly Org[],
  origin: CallerOrigin,
  backup: { readonly name: string; readonly manifest: BackupManifest },
): Promise<void> {
  const { manifest } = backup;
  await recordForEach(
    deps,
    orgs,
    manifest.orgs.map((o) => o.orgId),
    origin,
    (org) => ({
      kind: 'backup.make',
      key: backup.name,
      target: { type: 'backup', id: backup.name },
      details: { scope: manifest.scope.kind, documents: documentsOf(manifest, org), bytes: manifest.bytes },
    }),
  );
}

/** How a restore ended: done, refused before anything was written (why, as RestoreRefused's kind), or failed. */
export type RestoreAuditOutcome =
  | { readonly outcome: 'restored' }
  | { readonly outcome: 'refused'; readonly reason: string }
  | { readonly outcome: 'failed'; readonly error: string };

/**
 * `backup.restore`, written INTO the database restored to (`orgs` are read from it), for each org the restore
 * concerned: the one org of `--org`, else every org of the backup. After a whole restore the trail is the backup's
 * (its entries up to `backupAt`), so this entry says which backup and how old: what happened between is in the
 * replaced database only. A restored entry counts the org's own documents. No key: a restore run twice is two
 * operations.
 */
export async function recordRestore(
  deps: BackupAuditDeps,
  orgs: readonly Org[],
  origin: CallerOrigin,
  input: {
    readonly backup: string;
    readonly manifest: Pick<BackupManifest, 'createdAt' | 'orgs'>;
    readonly orgId?: string;
    readonly force: boolean;
    readonly result: RestoreAuditOutcome;
  },
): Promise<void> {
  const orgIds = input.orgId ? [input.orgId] : input.manifest.orgs.map((o) => o.orgId);
  const { outcome, ...rest } = input.result;
  const details: AuditFields = {
    outcome,
    ...rest,
    mode: input.orgId ? 'org' : 'all',
    backupAt: input.manifest.createdAt,
    force: input.force,
  };
  await recordForEach(deps, orgs, orgIds, origin, (org) => ({
    kind: 'backup.restore',
    target: { type: 'backup', id: input.backup },
    details: outcome === 'restored' ? { ...details, documents: documentsOf(input.manifest, org) } : details,
  }));
}

/**
 * `backup.drill`, one per org of the service, keyed by the drill's slot (a second runner records nothing twice):
 * which backup was restored into the scratch database, whether it matched its manifest, and this org's figure.
 */
export async function recordDrill(
  deps: BackupAuditDeps,
  orgs: readonly Org[],
  origin: CallerOrigin,
  input: {
    readonly slot: string;
    readonly backup?: { readonly name: string; readonly manifest: BackupManifest };
    readonly passed: boolean;
    readonly differences: number;
    readonly error?: string;
  },
): Promise<void> {
  const { backup } = input;
  await recordForEach(
    deps,
    orgs,
    orgs.map((o) => o.id),
    origin,
    (org) => ({
      kind: 'backup.drill',
      key: input.slot,
      target: { type: 'backup', id: backup?.name ?? input.slot },
      details: {
        passed: input.passed,
        ...(backup ? { backup: backup.name, documents: documentsOf(backup.manifest, org) } : {}),
        differences: input.differences,
        ...(input.error !== undefined ? { error: input.error } : {}),
      },
    }),
  );
}
