import {
  BACKUP_DRILL_JOB,
  type BackupDeps,
  DAILY_BACKUP_JOB,
  runBackupDrill,
  runScheduledBackup,
} from '../core/backups/index.js';
import type { JobDefinition } from './job-definition.js';

/** Both jobs are due to the minute (an org's 02:00); a run that is not due reads the orgs and returns. */
export const BACKUP_CHECK_INTERVAL_MS = 60_000;

/** The backup side's job list: the daily backup with its retention pruning, and the weekly restore drill. */
export function backupJobs(deps: BackupDeps): JobDefinition[] {
  // The slots this process has seen claimed or finished: each slot's marker is written at most once per process.
  const backupsSeen = new Set<string>();
  const drillsSeen = new Set<string>();
  return [
    {
      name: DAILY_BACKUP_JOB,
      intervalMs: BACKUP_CHECK_INTERVAL_MS,
      run: async () => {
        await runScheduledBackup(deps, backupsSeen);
      },
    },
    {
      name: BACKUP_DRILL_JOB,
      intervalMs: BACKUP_CHECK_INTERVAL_MS,
      run: async () => {
        await runBackupDrill(deps, drillsSeen);
      },
    },
  ];
}
