import type { Campaign, CampaignRepository } from '../../core/reports/index.js';
import { memberId, orgId } from '../../core/shared/ids.js';
import type { CampaignDoc } from '../models/campaign-model.js';
import type { Models } from '../models.js';
import { mustObjectId } from '../object-id.js';

const campaignOf = (d: CampaignDoc): Campaign => ({
  orgId: orgId(d.orgId.toHexString()),
  name: d.name,
  cost: d.cost,
  currency: d.currency,
  updatedAt: d.updatedAt,
  ...(d.updatedById ? { updatedById: memberId(d.updatedById.toHexString()) } : {}),
});

/** Campaign costs, one document per (org, name) on a unique index. */
export function mongoCampaigns(models: Pick<Models, 'Campaign'>): CampaignRepository {
  const campaigns = models.Campaign.collection;
  return {
    async setCost(org, c) {
      const doc = await campaigns.findOneAndUpdate(
        { orgId: mustObjectId(org), name: c.name },
        {
          $set: {
            ...{ cost: c.cost, currency: c.currency, updatedAt: c.updatedAt },
            ...(c.updatedById ? { updatedById: mustObjectId(c.updatedById) } : {}),
          },
          ...(c.updatedById ? {} : { $unset: { updatedById: 1 } }),
        },
        { upsert: true, returnDocument: 'after' },
      );
      if (!doc) throw new Error(`campaign ${c.name} was not stored`);
      return campaignOf(doc as unknown as CampaignDoc);
    },
    async list(org, names) {
      const docs = await campaigns
        .find({ orgId: mustObjectId(org), ...(names ? { name: { $in: [...names] } } : {}) })
        .sort({ name: 1 })
        .toArray();
      return docs.map((d) => campaignOf(d as unknown as CampaignDoc));
    },
  };
}
