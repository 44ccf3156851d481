import type { Db } from 'mongodb';
import type { BackupRuns } from '../../core/backups/index.js';
import { isDuplicateKeyError } from '../object-id.js';

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

/**
 * One document per slot. A claim is one conditional upsert: it matches only a slot still running past its lease
 * (its holder died), and inserts when there is none; for a slot held, done or failed the upsert's insert collides
 * with the existing `_id` (E11000), which is the lost race. So exactly one instance runs each slot.
 */
export function mongoBackupRuns(db: Db): BackupRuns {
  const runs = db.collection<RunDoc>(BACKUP_RUNS);
  return {
    async claim(key, now, leaseMs) {
      try {
        await runs.updateOne(
          { _id: key, state: 'running', leaseUntil: { $lt: now } },
          { $set: { state: 'running', leaseUntil: new Date(now.getTime() + leaseMs), startedAt: now } },
          { upsert: true },
        );
        return true;
      } catch (error) {
        if (isDuplicateKeyError(error)) return false;
        throw error;
      }
    },
    async finish(key, state, now, note) {
      await runs.updateOne({ _id: key }, { $set: { state, finishedAt: now, ...(note ? { note } : {}) } });
    },
  };
}
