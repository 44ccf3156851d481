import type { PendingCustomers } from '../../src/core/customers/index.js';
import type { Lead } from '../../src/core/leads/index.js';
import type { LeadId, OrgId } from '../../src/core/shared/ids.js';
import { complaintFakes } from '../chat/support/complaint-fakes.js';
import { FakeCustomerRepository, turn } from './fake-customer-repository.js';
import type { FakeLeadRepository } from './fake-lead-repository.js';
import { FakeOrderRepository } from './fake-order-repository.js';

/**
 * The customers sweep's port over the fake lead repository: reads its leads, and clears a mark in its store the
 * way the mongo side does (no version bump, no history), reaching into the fake's map for it (a test double only).
 */
export class FakePendingCustomers implements PendingCustomers {
  constructor(private readonly leads: FakeLeadRepository) {}

  async pending(writtenBefore: Date, limit: number) {
    await turn();
    return this.leads
      .all()
      .filter((l) => l.stage?.customerPending && l.updatedAt.getTime() <= writtenBefore.getTime())
      .sort((a, b) => a.updatedAt.getTime() - b.updatedAt.getTime())
      .slice(0, limit);
  }

  async clear(org: OrgId, id: LeadId, contractNo: string) {
    await turn();
    const store = (this.leads as unknown as { leads: Map<string, Lead> }).leads;
    const lead = store.get(id);
    if (lead?.orgId !== org || !lead.stage?.customerPending || lead.stage.deal?.contractNo !== contractNo)
      return;
    const { customerPending: _, ...stage } = lead.stage;
    store.set(id, { ...lead, stage });
  }
}

/** The customers domain's three fakes over one fake lead repository (handlers and worlds spread it into deps). */
export function customerFakes(leads: FakeLeadRepository) {
  return {
    customers: new FakeCustomerRepository(),
    orders: new FakeOrderRepository(),
    pendingCustomers: new FakePendingCustomers(leads),
    // After-sales reads the customers and their orders: the chat handlers are given its deps beside these.
    ...complaintFakes(),
  };
}
