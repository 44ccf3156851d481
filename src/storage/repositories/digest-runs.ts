import type { DigestRuns } from '../../core/reports/index.js';
import type { Models } from '../models.js';
import { isDuplicateKeyError } from '../object-id.js';

/**
 * The weekly digest's run markers in their own small collection, keyed by `_id` = `<orgId>:<week>`. `take` is one
 * upsert whose filter matches only a `running` marker with an expired lease: when the marker does not exist the
 * upsert inserts it (taken); when it exists and is `done` or still leased, the filter misses, the upsert's insert
 * hits the `_id` and fails with a duplicate key — the one case that reads the marker back, to tell done from busy.
 */
export function mongoDigestRuns(models: Pick<Models, 'DigestRun'>): DigestRuns {
  const Run = models.DigestRun.collection;
  // The collection is typed by its default ObjectId `_id`; this one keys by a string.
  const key = (org: string, week: string) => `${org}:${week}` as never;
  return {
    async take(org, week, now, leaseMs) {
      const _id = key(org, week);
      try {
        await Run.updateOne(
          { _id, state: 'running', leaseUntil: { $lte: now } },
          {
            $set: { leaseUntil: new Date(now.getTime() + leaseMs), startedAt: now },
            $inc: { attempts: 1 },
            $setOnInsert: { orgId: org, week },
          },
          { upsert: true },
        );
        return 'taken';
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
        const held = await Run.findOne({ _id }, { projection: { state: 1 } });
        return held?.state === 'done' ? 'done' : 'busy';
      }
    },
    async finish(org, week, now, cards) {
      await Run.updateOne({ _id: key(org, week) }, { $set: { state: 'done', finishedAt: now, cards } });
    },
  };
}
