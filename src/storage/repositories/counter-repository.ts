import type { OrgId } from '../../core/shared/ids.js';
import type { Models } from '../models.js';

/** Per-org sequences (lead codes). */
export type Counters = {
  /** Reserves `count` consecutive numbers in one atomic write; returns the first (1-based). */
  reserve(org: OrgId, name: string, count: number): Promise<number>;
};

export function mongoCounters(models: Pick<Models, 'Counter'>): Counters {
  return {
    async reserve(org, name, count) {
      // Upsert + $inc is atomic on one document: concurrent reservations get disjoint ranges.
      const doc = await models.Counter.collection.findOneAndUpdate(
        { _id: `${org}:${name}` as never },
        { $inc: { seq: count }, $setOnInsert: { orgId: org, name } },
        { upsert: true, returnDocument: 'after' },
      );
      const seq = (doc as { seq?: number } | null)?.seq;
      if (typeof seq !== 'number') throw new Error(`counter ${name} of ${org} not returned`);
      return seq - count + 1;
    },
  };
}
