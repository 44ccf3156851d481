import type { NewOrder, Order, OrderKeys, OrderRepository } from '../../src/core/customers/index.js';
import { type CustomerId, type OrderId, type OrgId, orderId } from '../../src/core/shared/ids.js';
import { nextHexId, turn } from './fake-customer-repository.js';

/**
 * Orders in memory, held to the mongo repository by the customer contract test: unique by (org, contract number),
 * numbered per org from `SO-1001` (a number is drawn only when the contract is new, as in mongo).
 */
export class FakeOrderRepository implements OrderRepository {
  private readonly orders = new Map<string, Order>();
  private readonly counters = new Map<string, number>();

  newId(): OrderId {
    return orderId(nextHexId());
  }

  all(): Order[] {
    return [...this.orders.values()];
  }

  async ensure(order: NewOrder) {
    await turn();
    const stored = this.byContract(order.orgId, order.contractNo);
    if (stored) return stored;
    let n = this.counters.get(order.orgId) ?? 0;
    // As in mongo: a number an entered order holds is skipped.
    do n++;
    while (this.all().some((o) => o.orgId === order.orgId && o.number === `SO-${1000 + n}`));
    this.counters.set(order.orgId, n);
    const created: Order = { ...order, number: `SO-${1000 + n}` };
    this.orders.set(created.id, created);
    return created;
  }

  async findClashes(org: OrgId, keys: OrderKeys) {
    await turn();
    return this.clashes(org, keys).slice(0, 3);
  }

  async insertNumbered(order: Order) {
    await turn();
    if (this.clashes(order.orgId, order).length > 0) return { clash: true as const };
    this.orders.set(order.id, order);
    return { order };
  }

  private clashes(org: OrgId, keys: OrderKeys) {
    return this.all().filter(
      (o) =>
        o.orgId === org &&
        (o.number === keys.number ||
          o.contractNo === keys.contractNo ||
          (keys.requestKey !== undefined && o.requestKey === keys.requestKey)),
    );
  }

  async findByContract(org: OrgId, contractNo: string) {
    await turn();
    return this.byContract(org, contractNo);
  }

  async get(org: OrgId, id: OrderId) {
    await turn();
    const o = this.orders.get(id);
    return o?.orgId === org ? o : undefined;
  }

  async listByCustomer(org: OrgId, customer: CustomerId, limit: number) {
    await turn();
    return this.all()
      .filter((o) => o.orgId === org && o.customerId === customer)
      .sort((a, b) => (a.id < b.id ? 1 : -1))
      .slice(0, limit);
  }

  private byContract(org: OrgId, contractNo: string) {
    return this.all().find((o) => o.orgId === org && o.contractNo === contractNo);
  }
}
