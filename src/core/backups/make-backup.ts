import { type AuditLog, recordAudit } from '../audit/index.js';
import type { Caller } from '../org/index.js';
import { assertCan } from '../org/index.js';
import { DomainError } from '../shared/errors.js';
import { type BackupSummary, summaryOf } from './backup-manifest.js';
import type { Backups, StoredBackup } from './ports.js';

type Deps = {
  readonly backups: Backups;
  readonly clock: { now(): Date };
  /** The audit trail (core/audit): `backup.make` once per backup made; absent where nothing is wired. */
  readonly audit?: AuditLog;
};

/**
 * Backups through the API are an org admin's: a backup holds every org of the database, so an admin may make,
 * list and download only backups whose every org is their own. In a database of one org (the usual install) that
 * is the whole-database backup; in one of several, `POST` makes a backup of the caller's org alone.
 */
const visibleTo = (caller: Caller) => (b: StoredBackup) =>
  b.manifest.orgs.every((o) => o.orgId === caller.org.id) &&
  (b.manifest.scope.kind === 'all' || b.manifest.scope.orgId === caller.org.id);

/** `POST /api/v1/backups`: one backup now; answers with its summary. */
export async function makeBackup(deps: Deps, caller: Caller): Promise<BackupSummary> {
  assertCan(caller, 'backup.manage');
  const alone = (await deps.backups.orgCount()) <= 1;
  const written = await deps.backups.write({
    now: deps.clock.now(),
    ...(alone ? {} : { orgId: caller.org.id }),
  });
  const summary = summaryOf(written.name, written.manifest);
  // Keyed by the backup's name: the file is the operation's own identity.
  await recordAudit(deps, caller, {
    kind: 'backup.make',
    key: summary.name,
    target: { type: 'backup', id: summary.name },
    details: { scope: summary.scope.kind, documents: summary.documents, bytes: summary.bytes },
  });
  return summary;
}

/** `GET /api/v1/backups`: the caller's backups, newest first. */
export async function listBackups(deps: Pick<Deps, 'backups'>, caller: Caller): Promise<BackupSummary[]> {
  assertCan(caller, 'backup.manage');
  return (await deps.backups.list()).filter(visibleTo(caller)).map((b) => summaryOf(b.name, b.manifest));
}

/** `GET /api/v1/backups/:name`: the file of one of the caller's backups (NOT_FOUND for anyone else's). */
export async function findBackupFile(
  deps: Pick<Deps, 'backups'>,
  caller: Caller,
  input: { readonly name: string },
): Promise<{ readonly name: string; readonly path: string; readonly bytes: number }> {
  assertCan(caller, 'backup.manage');
  const found = (await deps.backups.list()).filter(visibleTo(caller)).find((b) => b.name === input.name);
  if (!found) throw new DomainError('NOT_FOUND', { what: 'backup', name: input.name });
  return { name: found.name, path: deps.backups.filePath(found.name), bytes: found.manifest.bytes };
}
