import { z } from 'zod';
import { assertCan, type Caller } from '../org/index.js';
import { textField } from '../shared/text-field.js';
import { parseInput } from '../shared/validate.js';
import type { Campaign, CampaignRepository } from './ports.js';

const DEFAULT_CURRENCY = 'CNY';

const costSchema = z.strictObject({
  /** As the leads carry it (`lead.campaign`): matched exactly. */
  name: textField().trim().min(1).max(200),
  cost: z.number().finite().min(0).max(1e12),
  currency: z
    .string()
    .trim()
    .regex(/^[A-Z]{3}$/)
    .optional(),
});

/**
 * An admin or director enters what a campaign cost (`PUT /api/v1/campaigns/:name {cost, currency?}`); the channel
 * figures spread it over the campaign's leads and wins. One upsert: setting it again replaces it (idempotent).
 */
export async function setCampaignCost(
  deps: { readonly campaigns: CampaignRepository; readonly clock: { now(): Date } },
  caller: Caller,
  input: { readonly name: unknown; readonly cost: unknown; readonly currency?: unknown },
): Promise<Campaign> {
  assertCan(caller, 'campaign.set_cost');
  const { name, cost, currency } = parseInput(costSchema, input);
  return deps.campaigns.setCost(caller.org.id, {
    name,
    cost,
    currency: currency ?? DEFAULT_CURRENCY,
    updatedAt: deps.clock.now(),
    ...(caller.member ? { updatedById: caller.member.id } : {}),
  });
}
