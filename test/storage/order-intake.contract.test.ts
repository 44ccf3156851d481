import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Customer, CustomerRepository, Order, OrderRepository } from '../../src/core/customers/index.js';
import { leadId, orgId } from '../../src/core/shared/ids.js';
import { bindModels, ensureIndexes, type Models } from '../../src/storage/models.js';
import { mongoCustomerRepository } from '../../src/storage/repositories/customer-repository.js';
import { mongoOrderRepository } from '../../src/storage/repositories/order-repository.js';
import { FakeCustomerRepository } from '../core/fake-customer-repository.js';
import { FakeOrderRepository } from '../core/fake-order-repository.js';
import { openTestDatabase } from '../support/test-database.js';

// What entering orders (core/customers/create-order.ts) needs of the customer and order repositories, the fakes
// held to the mongo ones on the test database: customers by name, orders with their own numbers, their clashes.

const ORG = orgId('00000000000000000000a001');
const OTHER_ORG = orgId('00000000000000000000a002');
const AT = new Date('2026-03-02T02:00:00Z');
type Subject = { customers: CustomerRepository; orders: OrderRepository };

let db: Awaited<ReturnType<typeof openTestDatabase>>;
let models: Models;
beforeAll(async () => {
  db = await openTestDatabase();
  models = bindModels(db.connection);
  // An older database's index, which a lead-less customer would break: ensureIndexes drops it.
  await models.Customer.collection.createIndex(
    { orgId: 1, leadId: 1 },
    { unique: true, name: 'customer_lead' },
  );
  await ensureIndexes(models);
});
afterAll(() => db.close());

const subjects: [string, () => Promise<Subject>][] = [
  ['fake', async () => ({ customers: new FakeCustomerRepository(), orders: new FakeOrderRepository() })],
  [
    'mongo',
    async () => {
      await Promise.all([
        models.Customer.deleteMany({}),
        models.Order.deleteMany({}),
        models.Counter.deleteMany({}),
      ]);
      return { customers: mongoCustomerRepository(models), orders: mongoOrderRepository(models) };
    },
  ],
];

const byName = (s: Subject, name: string, org = ORG): Customer & { intakeName: string } => ({
  id: s.customers.newId(),
  orgId: org,
  name,
  company: name,
  intakeName: name,
  contacts: [],
  createdAt: AT,
});
const entered = (s: Subject, c: Customer, number: string, more: Partial<Order> = {}): Order => ({
  id: s.orders.newId(),
  orgId: c.orgId,
  number,
  customerId: c.id,
  amount: 100,
  contractNo: `HT-${number}`,
  signedAt: AT,
  createdAt: AT,
  ...more,
});

describe.each(subjects)('order intake storage (%s)', (_name, subject) => {
  it('finds a customer by name (the oldest), makes one lead-less when none, once when two ask at once', async () => {
    const s = await subject();
    const { intakeName: _, ...fromLead } = byName(s, '云启');
    const won = await s.customers.ensureForLead({ ...fromLead, leadId: leadId('00000000000000000000000f') });
    expect((await s.customers.ensureByName(byName(s, '云启'))).id).toBe(won.id);
    const [a, b] = await Promise.all([
      s.customers.ensureByName(byName(s, '新程')),
      s.customers.ensureByName(byName(s, '新程')),
    ]);
    expect(a.id).toBe(b.id);
    expect(a.leadId).toBeUndefined();
    const [c, d] = [byName(s, '无主一'), byName(s, '无主二')];
    // Two lead-less customers of different names: the lead's unique index is partial.
    expect((await s.customers.ensureByName(c)).id).not.toBe((await s.customers.ensureByName(d)).id);
    expect((await s.customers.ensureByName(byName(s, '云启', OTHER_ORG))).orgId).toBe(OTHER_ORG);
  });

  it('inserts an order with its own number, reports a clash on number, contract or key, and finds the clashes', async () => {
    const s = await subject();
    const c = await s.customers.ensureByName(byName(s, '云启'));
    const first = await s.orders.insertNumbered(entered(s, c, 'SO-9', { requestKey: 'k-9' }));
    expect(first).toMatchObject({ order: { number: 'SO-9', requestKey: 'k-9' } });
    expect(await s.orders.insertNumbered(entered(s, c, 'SO-9', { contractNo: 'HT-x' }))).toEqual({
      clash: true,
    });
    expect(await s.orders.insertNumbered(entered(s, c, 'SO-10', { contractNo: 'HT-SO-9' }))).toEqual({
      clash: true,
    });
    expect(await s.orders.insertNumbered(entered(s, c, 'SO-11', { requestKey: 'k-9' }))).toEqual({
      clash: true,
    });
    const clashes = await s.orders.findClashes(ORG, {
      number: 'SO-x',
      contractNo: 'HT-y',
      requestKey: 'k-9',
    });
    expect(clashes.map((o) => o.number)).toEqual(['SO-9']);
    expect(await s.orders.findClashes(OTHER_ORG, { number: 'SO-9', contractNo: 'HT-SO-9' })).toEqual([]);
  });

  it('draws a 成交 number past one an entered order holds', async () => {
    const s = await subject();
    const c = await s.customers.ensureByName(byName(s, '云启'));
    await s.orders.insertNumbered(entered(s, c, 'SO-1001'));
    const { number: _n, ...drawn } = entered(s, c, '', { contractNo: 'HT-WON' });
    expect((await s.orders.ensure(drawn)).number).toBe('SO-1002');
  });
});
