import { type Customer, type Order, stageOf } from '../../core/customers/index.js';
import type { Lead } from '../../core/leads/index.js';
import type { Org } from '../../core/org/index.js';

/** A lead's stage as the API shows it: its key, the org's name for it, its kind, and what entering it recorded. */
export function stageJson(org: Org, lead: Lead) {
  const def = stageOf(org, lead.stage?.key);
  const s = lead.stage;
  return {
    key: def.key,
    name: def.name,
    kind: def.kind,
    ...(s ? { since: s.since.toISOString() } : {}),
    ...(s?.quote ? { quote: s.quote } : {}),
    ...(s?.deal ? { deal: { ...s.deal, signedAt: s.deal.signedAt.toISOString() } } : {}),
    ...(s?.loss ? { loss: s.loss } : {}),
    ...(s?.customerPending ? { customerPending: true } : {}),
  };
}

export const customerJson = (c: Customer) => ({ ...c, createdAt: c.createdAt.toISOString() });

/** An order as the API shows it: all of it but the request key (an idempotency detail). */
export const orderJson = ({ requestKey: _key, ...o }: Order) => ({
  ...o,
  signedAt: o.signedAt.toISOString(),
  createdAt: o.createdAt.toISOString(),
});
