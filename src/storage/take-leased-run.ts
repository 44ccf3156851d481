import type { Collection, Document, UpdateFilter } from 'mongodb';
import { isDuplicateKeyError } from './object-id.js';

/**
 * The run marker of a scheduled job's slot (a digest's org and week, a backup's day), taken by one conditional
 * upsert so exactly one instance runs each slot: the filter matches only a marker still `running` whose lease has
 * passed (its holder died), and inserts one when there is none; for a marker that is held, done or failed, the
 * upsert's insert collides with the existing `_id` (E11000), which is the lost race. `update` adds the caller's own
 * fields ($set / $inc / $setOnInsert); the lease and the start time are this function's.
 */
export async function takeLeasedRun(
  runs: Collection<Document>,
  id: string,
  now: Date,
  leaseMs: number,
  update: Pick<UpdateFilter<Document>, '$set' | '$inc' | '$setOnInsert'> = {},
): Promise<boolean> {
  try {
    await runs.updateOne(
      // The collections key their markers by a string, not the driver's default ObjectId.
      { _id: id as never, state: 'running', leaseUntil: { $lte: now } },
      {
        ...update,
        $set: {
          ...update.$set,
          state: 'running',
          leaseUntil: new Date(now.getTime() + leaseMs),
          startedAt: now,
        },
      },
      { upsert: true },
    );
    return true;
  } catch (error) {
    if (isDuplicateKeyError(error)) return false;
    throw error;
  }
}
