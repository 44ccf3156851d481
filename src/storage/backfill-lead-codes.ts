import { leadCodeOf } from '../core/leads/lead-code.js';
import { orgId } from '../core/shared/ids.js';
import type { Models } from './models.js';
import { mongoCounters } from './repositories/counter-repository.js';
import { LEAD_CODE_SEQUENCE } from './repositories/lead-repository.js';

const CHUNK = 1000;

/**
 * Written once the backfill found nothing left: every insert gives a code since, so later starts skip the search
 * for code-less leads (no index can answer "field missing", so that search reads every lead).
 */
const DONE_MARKER = { _id: 'migration:lead-codes', orgId: '*', name: 'migration', seq: 1 };

/**
 * Gives a code to every lead stored before codes existed, oldest first, at start-up (after the indexes): one counter
 * `$inc` and one bulk write per chunk. Each write is conditional on the lead still having no code, so two instances
 * starting at once waste numbers but never give one lead two codes. Returns how many leads got one.
 */
export async function backfillLeadCodes(models: Pick<Models, 'Lead' | 'Counter'>): Promise<number> {
  if (await models.Counter.collection.findOne({ _id: DONE_MARKER._id as never })) return 0;
  const counters = mongoCounters(models);
  let done = 0;
  for (;;) {
    const docs = await models.Lead.collection
      .find({ code: { $exists: false } }, { projection: { _id: 1, orgId: 1 } })
      .sort({ _id: 1 })
      .limit(CHUNK)
      .toArray();
    if (docs.length === 0) {
      await models.Counter.collection.updateOne(
        { _id: DONE_MARKER._id as never },
        { $setOnInsert: DONE_MARKER },
        { upsert: true },
      );
      return done;
    }
    const byOrg = new Map<string, typeof docs>();
    for (const d of docs) byOrg.set(String(d.orgId), [...(byOrg.get(String(d.orgId)) ?? []), d]);
    for (const [org, group] of byOrg) {
      const first = await counters.reserve(orgId(org), LEAD_CODE_SEQUENCE, group.length);
      await models.Lead.collection.bulkWrite(
        group.map((d, i) => ({
          updateOne: {
            filter: { _id: d._id, code: { $exists: false } },
            update: { $set: { code: leadCodeOf(first + i) } },
          },
        })),
        { ordered: false },
      );
    }
    done += docs.length;
  }
}
