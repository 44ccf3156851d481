import type { DigestRuns } from '../../core/reports/index.js';
import type { Models } from '../models.js';
import { takeLeasedRun } from '../take-leased-run.js';

/** The weekly digest's run markers in their own small collection, keyed by `_id` = `<orgId>:<week>` (takeLeasedRun). */
export function mongoDigestRuns(models: Pick<Models, 'DigestRun'>): DigestRuns {
  const Run = models.DigestRun.collection;
  // The collection is typed by its default ObjectId `_id`; this one keys by a string.
  const key = (org: string, week: string) => `${org}:${week}` as never;
  return {
    async take(org, week, now, leaseMs) {
      const update = { $inc: { attempts: 1 }, $setOnInsert: { orgId: org, week } };
      if (await takeLeasedRun(Run as never, key(org, week), now, leaseMs, update)) return 'taken';
      // The one case that reads the marker back: to tell a done week from one another runner holds.
      const held = await Run.findOne({ _id: key(org, week) }, { projection: { state: 1 } });
      return held?.state === 'done' ? 'done' : 'busy';
    },
    async finish(org, week, now, cards) {
      await Run.updateOne({ _id: key(org, week) }, { $set: { state: 'done', finishedAt: now, cards } });
    },
  };
}
