import type { Lead } from '../leads/index.js';
import { DomainError } from '../shared/errors.js';
import type { Customer, Order } from './customer-types.js';
import type { StageDeps } from './ports.js';
import { handOffNotices } from './stage-notices.js';

/**
 * The steps after a 成交 write, each safe to repeat (no transactions across the three documents): the lead was
 * written first (stage `won`, the deal with the customer's and order's ids chosen up front, `customerPending`);
 * then the customer is ensured by the lead id, the order by its contract number, the hand-off card published
 * (keyed by the order), and last the mark cleared. A crash anywhere leaves the mark, and running this again (the
 * sweep, or the same command retried) finishes the rest without a second customer, order or card.
 */
export async function completeWonLead(
  deps: Pick<StageDeps, 'customers' | 'orders' | 'pendingCustomers' | 'members' | 'notifier' | 'clock'>,
  lead: Lead,
): Promise<{ customer: Customer; order: Order } | undefined> {
  const stage = lead.stage;
  const deal = stage?.deal;
  if (!stage?.customerPending || !deal) return undefined;
  const now = deps.clock.now();
  const owner = {
    ...(lead.ownerId ? { ownerId: lead.ownerId } : {}),
    ...(lead.ownerName ? { ownerName: lead.ownerName } : {}),
    ...(lead.teamId ? { teamId: lead.teamId } : {}),
  };
  const customer = await deps.customers.ensureForLead({
    id: deal.customerId ?? lead.customerId ?? deps.customers.newId(),
    orgId: lead.orgId,
    leadId: lead.id,
    ...(lead.code ? { leadCode: lead.code } : {}),
    name: lead.contact.company ?? lead.contact.name ?? lead.code ?? lead.id,
    ...(lead.contact.company ? { company: lead.contact.company } : {}),
    contacts: [lead.contact],
    ...owner,
    createdAt: now,
  });
  const order = await deps.orders.ensure({
    id: deal.orderId ?? deps.orders.newId(),
    orgId: lead.orgId,
    customerId: customer.id,
    leadId: lead.id,
    ...(stage.quote ? { items: stage.quote.items } : {}),
    amount: deal.amount,
    contractNo: deal.contractNo,
    signedAt: deal.signedAt,
    ...owner,
    createdAt: now,
  });
  if (order.leadId !== lead.id) {
    // Another lead's 成交 took the contract number between our check and our insert: nothing here can fix that,
    // so the mark is cleared (the sweep would retry forever) and the caller told.
    await deps.pendingCustomers.clear(lead.orgId, lead.id, deal.contractNo);
    throw new DomainError('CONTRACT_NO_TAKEN', { contractNo: deal.contractNo, orderNumber: order.number });
  }
  const aftersales = (await deps.members.list(lead.orgId, { activeOnly: true })).filter((m) =>
    m.roles.includes('aftersales'),
  );
  await deps.notifier.publish(lead.orgId, handOffNotices(customer, order, lead, aftersales));
  await deps.pendingCustomers.clear(lead.orgId, lead.id, deal.contractNo);
  return { customer, order };
}

/** The lead as stored once the finishing steps cleared its mark (the mark is cleared in place, not re-read). */
export function settledLead(lead: Lead): Lead {
  if (!lead.stage?.customerPending) return lead;
  const { customerPending: _, ...stage } = lead.stage;
  return { ...lead, stage };
}
