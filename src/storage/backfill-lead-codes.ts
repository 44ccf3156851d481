import { leadCodeOf } from '../core/leads/lead-code.js';
import { orgId } from '../core/shared/ids.js';
import type { Models } from './models.js';
import { mongoCounters } from './repositories/counter-repository.js';
import { LEAD_CODE_SEQUENCE } from './repositories/lead-repository.js';

const CHUNK = 1000;

/**
 * Gives a code to every lead stored before codes existed, oldest first, at start-up (after the indexes): one counter
 * `$inc` and one bulk write per chunk. Each write is conditional on the lead still having no code, so two instances
 * starting at once waste numbers but never give one lead two codes. Returns how many leads got one.
 */
export async function backfillLeadCodes(models: Pick<Models, 'Lead' | 'Counter'>): Promise<number> {
  const counters = mongoCounters(models);
  let done = 0;
  for (;;) {
    const docs = await models.Lead.collection
      .find({ code: { $exists: false } }, { projection: { _id: 1, orgId: 1 } })
      .sort({ _id: 1 })
      .limit(CHUNK)
      .toArray();
    if (docs.length === 0) return done;
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
