import type { LeadNoticeSweep } from '../../core/leads/sweep-lead-notices.js';
import type { LeadDoc } from '../models/lead-model.js';
import type { Models } from '../models.js';
import { toObjectId } from '../object-id.js';
import { leadFromDoc } from './lead-mapping.js';

/** The sweep's queries, across orgs (it is a system job): both use the partial `noticesPending` index. */
export function leadNoticeSweep(models: Models): LeadNoticeSweep {
  return {
    async pending(writtenBefore, limit) {
      const docs = await models.Lead.find({ noticesPending: true, updatedAt: { $lte: writtenBefore } })
        .sort({ updatedAt: 1 })
        .limit(limit)
        .lean<LeadDoc[]>();
      return docs.map(leadFromDoc);
    },
    async settle(leads) {
      if (leads.length === 0) return;
      const ops = leads.map((l) => ({
        updateOne: {
          filter: { _id: toObjectId(l.id), orgId: toObjectId(l.orgId), version: l.version },
          update: { $unset: { noticesPending: 1 } },
        },
      }));
      await models.Lead.collection.bulkWrite(ops as Parameters<typeof models.Lead.collection.bulkWrite>[0], {
        ordered: false,
      });
    },
  };
}
