// What `npm run restore` does once it holds the backup and the database (scripts/restore.ts opens them, shows
// progress and prints): the restore, then its audit entry written INTO the database restored to. A function apart
// from the script, so a test runs the very code the CLI runs against its own database.
import path from 'node:path';
import { type RestoreAuditOutcome, recordRestore } from '../src/core/backups/index.js';
import type { CallerOrigin } from '../src/core/org/caller.js';
import { ownedCollections } from '../src/storage/backups/backup-collections.js';
import {
  type RestoreOptions,
  RestoreRefused,
  type RestoreResult,
  restoreBackup,
} from '../src/storage/backups/restore-backup.js';
import type { Models } from '../src/storage/models.js';
import { mongoAuditLog } from '../src/storage/repositories/audit-entry-repository.js';
import { orgsOf } from './cli-origin.js';

export type RestoreCommandInput = Omit<RestoreOptions, 'owned'> & {
  readonly models: Models;
  /** The CLI's origin (cliOrigin('restore')): the entry's actor is the OS user, through the command line. */
  readonly origin: CallerOrigin;
  /** Where a failure to write the entry of a failed restore is told (the restore's own error is what is thrown). */
  readonly warn?: (line: string) => void;
};

export async function restoreCommand(input: RestoreCommandInput): Promise<RestoreResult> {
  const { models, origin, warn, ...options } = input;
  const { manifest } = options.backup;
  // An org's own backup restores that org, as restoreBackup's mode does; otherwise every org of the backup.
  const orgId = options.orgId ?? (manifest.scope.kind === 'org' ? manifest.scope.orgId : undefined);
  const record = async (result: RestoreAuditOutcome) => {
    // Read after the restore: the orgs (and their retention settings) are the restored ones.
    const orgs = await orgsOf(models, orgId ? [orgId] : manifest.orgs.map((o) => o.orgId));
    await recordRestore({ audit: mongoAuditLog(models), clock: { now: () => new Date() } }, orgs, origin, {
      backup: path.basename(options.backup.file),
      manifest,
      ...(orgId ? { orgId } : {}),
      force: options.force ?? false,
      result,
    });
  };
  let restored: RestoreResult;
  try {
    restored = await restoreBackup({ ...options, owned: ownedCollections(models) });
  } catch (error) {
    // The attempt is audited too, in the orgs the database already holds (a refusal wrote nothing, a failure left
    // the old data in place: restore-swap.ts), and never hides why the restore stopped.
    const result: RestoreAuditOutcome =
      error instanceof RestoreRefused
        ? { outcome: 'refused', reason: error.kind }
        : {
            outcome: 'failed',
            error: (error instanceof Error ? error.message : String(error)).slice(0, 500),
          };
    await record(result).catch((auditError: unknown) =>
      warn?.(`the audit entry of this restore was not written: ${String(auditError)}`),
    );
    throw error;
  }
  // After the swap, so the entry is in the restored trail and not in the one the restore replaced.
  await record({ outcome: 'restored' });
  return restored;
}
