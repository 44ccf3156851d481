import type { BackupDifference, BackupFailureReason } from '../../core/backups/index.js';

/** The backup cards: a failed backup, and the restore drill's report (passed, or what differed). */
export type BackupTexts = {
  readonly failedTitle: string;
  readonly failedBody: (at: string) => string;
  readonly reasons: Readonly<Record<BackupFailureReason, string>>;
  readonly reason: string;
  /** The driver's own words: shown to English readers only (a zh-CN reader gets the reason, not English). */
  readonly details?: string;
  readonly drillPassedTitle: string;
  readonly drillFailedTitle: string;
  /** "备份演练通过：32,104 条记录，耗时 41 秒" */
  readonly drillPassed: (documents: string, seconds: string) => string;
  readonly drillFailed: string;
  readonly backupOf: string;
  readonly noBackup: string;
  readonly restoreFailed: string;
  readonly differences: string;
  readonly difference: (
    collection: string,
    what: BackupDifference['what'],
    expected: string,
    actual: string,
  ) => string;
  /** What each collection holds, as the reader calls it; one not listed is `otherData`. */
  readonly collections: Readonly<Record<string, string>>;
  readonly otherData: string;
};
