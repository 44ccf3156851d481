import type { AgendaRuns } from '../../core/follow-ups/index.js';
import type { Models } from '../models.js';

/**
 * The morning agenda's done-markers, one tiny document per org and local day in the counters collection (its `_id`
 * is the key, so the marker needs no index or collection of its own).
 */
export function mongoAgendaRuns(models: Pick<Models, 'Counter'>): AgendaRuns {
  const key = (org: string, day: string) => `${org}:agenda:${day}` as never;
  return {
    async isDone(org, day) {
      return (await models.Counter.collection.findOne({ _id: key(org, day) })) !== null;
    },
    async markDone(org, day) {
      await models.Counter.collection.updateOne(
        { _id: key(org, day) },
        { $setOnInsert: { orgId: org, name: `agenda:${day}`, seq: 1 } },
        { upsert: true },
      );
    },
  };
}
