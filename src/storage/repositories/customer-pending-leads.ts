import type { PendingCustomers } from '../../core/customers/index.js';
import type { LeadDoc } from '../models/lead-model.js';
import type { Models } from '../models.js';
import { mustObjectId } from '../object-id.js';
import { leadFromDoc } from './lead-mapping.js';

/**
 * The customers sweep's two queries on the lead collection, across orgs (a system job), on the partial
 * `stage.customerPending` index: only won leads whose customer and order may not be stored yet are read.
 */
export function mongoPendingCustomers(models: Pick<Models, 'Lead'>): PendingCustomers {
  return {
    async pending(writtenBefore, limit) {
      const docs = await models.Lead.collection
        .find({ 'stage.customerPending': true, updatedAt: { $lte: writtenBefore } })
        .sort({ updatedAt: 1 })
        .limit(limit)
        .toArray();
      return docs.map((d) => leadFromDoc(d as unknown as LeadDoc));
    },
    async clear(org, lead, contractNo) {
      // Only this deal's mark: a lead reopened and won again under another contract keeps its own. The mark is no
      // state a person sees, so clearing it neither bumps the version nor adds to the history.
      await models.Lead.collection.updateOne(
        {
          _id: mustObjectId(lead),
          orgId: mustObjectId(org),
          'stage.customerPending': true,
          'stage.deal.contractNo': contractNo,
        },
        { $unset: { 'stage.customerPending': 1 } },
      );
    },
  };
}
