import type { Customer, CustomerQuery, CustomerRepository } from '../../src/core/customers/index.js';
import { type CustomerId, customerId, type OrgId } from '../../src/core/shared/ids.js';

/** One turn of the event loop, where a database round trip would let other callers run. */
export const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

let next = 0xe00000;
/** Hex ids in creation order, like ObjectIds (paging by id behaves the same); shared by the customer and order fakes. */
export const nextHexId = (): string => (next++).toString(16).padStart(24, '0');

/**
 * Customers in memory, held to the mongo repository by test/storage/customer-repositories.contract.test.ts: one
 * customer per (org, lead), its upsert one synchronous step after a turn, so racing callers really interleave.
 */
export class FakeCustomerRepository implements CustomerRepository {
  private readonly customers = new Map<string, Customer>();

  newId(): CustomerId {
    return customerId(nextHexId());
  }

  /** Every customer of every org (test assertions only). */
  all(): Customer[] {
    return [...this.customers.values()];
  }

  async ensureForLead(customer: Customer) {
    await turn();
    const stored = this.all().find((c) => c.orgId === customer.orgId && c.leadId === customer.leadId);
    if (stored) return stored;
    this.customers.set(customer.id, customer);
    return customer;
  }

  async ensureByName(customer: Customer & { readonly intakeName: string }) {
    await turn();
    const same = this.all().filter((c) => c.orgId === customer.orgId && c.name === customer.name);
    const stored = same.sort((a, b) => (a.id < b.id ? -1 : 1))[0];
    if (stored) return stored;
    this.customers.set(customer.id, customer);
    return customer;
  }

  async get(org: OrgId, id: CustomerId) {
    await turn();
    const c = this.customers.get(id);
    return c?.orgId === org ? c : undefined;
  }

  async list(org: OrgId, q: CustomerQuery) {
    await turn();
    const scoped = (c: Customer) =>
      (!q.ownerId && !q.teamIds?.length) ||
      (q.ownerId !== undefined && c.ownerId === q.ownerId) ||
      (c.teamId !== undefined && (q.teamIds ?? []).includes(c.teamId));
    return this.all()
      .filter((c) => c.orgId === org && scoped(c) && (!q.before || c.id < q.before))
      .sort((a, b) => (a.id < b.id ? 1 : -1))
      .slice(0, q.limit);
  }
}
