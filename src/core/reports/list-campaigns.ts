import { assertCan, type Caller } from '../org/index.js';
import type { Campaign, CampaignRepository } from './ports.js';

/** The campaign costs entered, for those who may enter them (admins and directors). */
export async function listCampaigns(
  deps: { readonly campaigns: CampaignRepository },
  caller: Caller,
): Promise<Campaign[]> {
  assertCan(caller, 'campaign.set_cost');
  return deps.campaigns.list(caller.org.id);
}
