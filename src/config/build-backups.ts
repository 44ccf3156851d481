import type { Connection } from 'mongoose';
import type { BackupDeps } from '../core/backups/index.js';
import type { Clock } from '../core/shared/clock.js';
import type { Notifier } from '../core/shared/notices.js';
import { backupJobs } from '../jobs/backup-jobs.js';
import { directoryBackups } from '../storage/backups/backup-directory.js';
import { mongoBackupRuns } from '../storage/backups/backup-runs.js';
import type { Storage } from './build-storage.js';
import { serviceVersion } from './service-version.js';

export type BackupOptions = {
  /** BACKUP_DIR, absolute. */
  readonly dir: string;
};

/** Backups (core/backups) over this connection and BACKUP_DIR: their jobs and the API's port. */
export function buildBackups(
  connection: Connection,
  storage: Storage,
  deps: { readonly notifier: Notifier; readonly clock: Clock; readonly options: BackupOptions },
) {
  const db = connection.db;
  if (!db) throw new Error('database connection has no db handle');
  const backups = directoryBackups({
    db,
    models: storage.models,
    dir: deps.options.dir,
    service: serviceVersion(),
  });
  const backupDeps: BackupDeps = {
    backups,
    runs: mongoBackupRuns(db),
    orgs: storage.repos.orgs,
    members: storage.repos.members,
    notifier: deps.notifier,
    clock: deps.clock,
    audit: storage.repos.audit,
  };
  return { deps: backupDeps, jobs: backupJobs(backupDeps), routes: { backups, clock: deps.clock } };
}
