// What `npm run backup` does once it holds a database (scripts/backup.ts opens it, shows progress and prints):
// one backup written, then its audit entry in each org it holds. A function apart from the script, so a test runs
// the very code the CLI runs against its own database.
import { recordBackupMade } from '../src/core/backups/index.js';
import type { CallerOrigin } from '../src/core/org/caller.js';
import { ownedCollections } from '../src/storage/backups/backup-collections.js';
import {
  type WriteBackupOptions,
  type WrittenBackup,
  writeBackup,
} from '../src/storage/backups/write-backup.js';
import type { Models } from '../src/storage/models.js';
import { mongoAuditLog } from '../src/storage/repositories/audit-entry-repository.js';
import { orgsOf } from './cli-origin.js';

export type BackupCommandInput = Omit<WriteBackupOptions, 'collections'> & {
  readonly models: Models;
  /** The CLI's origin (cliOrigin('backup')): the audit entry's actor is the OS user, through the command line. */
  readonly origin: CallerOrigin;
};

export async function backupCommand(input: BackupCommandInput): Promise<WrittenBackup> {
  const { models, origin, ...options } = input;
  const written = await writeBackup({ ...options, collections: ownedCollections(models) });
  // Only now, with the manifest written and the file under its final name: the backup read `auditentries` before
  // this entry existed, so it never holds an entry about itself (and a backup that failed has none at all).
  const orgs = await orgsOf(
    models,
    written.manifest.orgs.map((o) => o.orgId),
  );
  await recordBackupMade(
    { audit: mongoAuditLog(models), clock: { now: () => new Date() } },
    orgs,
    origin,
    written,
  );
  return written;
}
