import type { Db } from 'mongodb';
import type { BackupRuns } from '../../core/backups/index.js';
import { takeLeasedRun } from '../take-leased-run.js';

/** The scheduled backups' and drills' run markers; not a model's collection, so never backed up or restored. */
export const BACKUP_RUNS = 'backup_runs';

type RunDoc = {
  _id: string;
  state: 'running' | 'done' | 'failed';
  leaseUntil: Date;
  startedAt: Date;
  finishedAt?: Date;
  note?: string;
};

/** One document per slot, claimed by takeLeasedRun: exactly one instance runs each slot. */
export function mongoBackupRuns(db: Db): BackupRuns {
  const runs = db.collection<RunDoc>(BACKUP_RUNS);
  return {
    claim: (key, now, leaseMs) => takeLeasedRun(runs as never, key, now, leaseMs),
    async finish(key, state, now, note) {
      await runs.updateOne({ _id: key }, { $set: { state, finishedAt: now, ...(note ? { note } : {}) } });
    },
  };
}
