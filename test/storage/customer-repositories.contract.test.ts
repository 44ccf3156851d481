import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type {
  Customer,
  CustomerRepository,
  NewOrder,
  OrderRepository,
  PendingCustomers,
} from '../../src/core/customers/index.js';
import type { LeadRepository } from '../../src/core/leads/index.js';
import { leadId, memberId, orgId, teamId } from '../../src/core/shared/ids.js';
import { bindModels, ensureIndexes, type Models } from '../../src/storage/models.js';
import { mongoPendingCustomers } from '../../src/storage/repositories/customer-pending-leads.js';
import { mongoCustomerRepository } from '../../src/storage/repositories/customer-repository.js';
import { mongoLeadRepository } from '../../src/storage/repositories/lead-repository.js';
import { mongoOrderRepository } from '../../src/storage/repositories/order-repository.js';
import { FakePendingCustomers } from '../core/fake-customer-pending.js';
import { FakeCustomerRepository } from '../core/fake-customer-repository.js';
import { FakeLeadRepository } from '../core/fake-lead-repository.js';
import { FakeOrderRepository } from '../core/fake-order-repository.js';
import { openTestDatabase } from '../support/test-database.js';

// The customer, order and pending-mark fakes the core tests use, held to the mongo repositories on the test
// database: the same cases against both.

const ORG = orgId('00000000000000000000a001');
const OTHER_ORG = orgId('00000000000000000000a002');
const TEAM = teamId('00000000000000000000b001');
const OTHER_TEAM = teamId('00000000000000000000b002');
const REP = memberId('00000000000000000000c001');
const REP_2 = memberId('00000000000000000000c002');
const AT = new Date('2026-03-02T02:00:00Z');
const hex = (n: number) => n.toString(16).padStart(24, '0');

type Subject = {
  customers: CustomerRepository;
  orders: OrderRepository;
  leads: LeadRepository;
  pending: PendingCustomers;
};

let db: Awaited<ReturnType<typeof openTestDatabase>>;
let models: Models;
beforeAll(async () => {
  db = await openTestDatabase();
  models = bindModels(db.connection);
  await ensureIndexes(models);
});
afterAll(() => db.close());

function fakeSubject(): Subject {
  const leads = new FakeLeadRepository();
  return {
    customers: new FakeCustomerRepository(),
    orders: new FakeOrderRepository(),
    leads,
    pending: new FakePendingCustomers(leads),
  };
}

async function mongoSubject(): Promise<Subject> {
  await Promise.all([
    models.Customer.deleteMany({}),
    models.Order.deleteMany({}),
    models.Lead.deleteMany({}),
    models.Counter.deleteMany({}),
  ]);
  return {
    customers: mongoCustomerRepository(models),
    orders: mongoOrderRepository(models),
    leads: mongoLeadRepository(models),
    pending: mongoPendingCustomers(models),
  };
}

const customer = (s: Subject, n: number, overrides: Partial<Customer> = {}): Customer => ({
  id: s.customers.newId(),
  orgId: ORG,
  leadId: leadId(hex(0xf000 + n)),
  leadCode: `L-${1000 + n}`,
  name: `客户 ${n}`,
  company: `公司 ${n}`,
  contacts: [{ name: '王磊', phone: '13800000001' }],
  ownerId: REP,
  ownerName: '张伟',
  teamId: TEAM,
  createdAt: AT,
  ...overrides,
});

const order = (s: Subject, c: Customer, contractNo: string): NewOrder => ({
  id: s.orders.newId(),
  orgId: c.orgId,
  customerId: c.id,
  ...(c.leadId ? { leadId: c.leadId } : {}),
  items: '服务器2台',
  amount: 48_000,
  contractNo,
  signedAt: AT,
  ownerId: REP,
  createdAt: AT,
});

describe.each([
  ['in-memory fakes', async () => fakeSubject()],
  ['mongo repositories', mongoSubject],
])('customer repositories: %s', (_name, make) => {
  let s: Subject;
  beforeEach(async () => {
    s = await make();
  });

  it('keeps one customer per lead: a second ensure returns the first, as stored', async () => {
    const first = customer(s, 1);
    expect(await s.customers.ensureForLead(first)).toEqual(first);
    const again = await s.customers.ensureForLead({ ...customer(s, 1), name: '别的名字' });
    expect(again).toEqual(first);
    expect(await s.customers.get(ORG, first.id)).toEqual(first);
    expect(await s.customers.get(OTHER_ORG, first.id)).toBeUndefined();
  });

  it('makes one customer of simultaneous ensures', async () => {
    const results = await Promise.all([1, 2, 3].map(() => s.customers.ensureForLead(customer(s, 7))));
    expect(new Set(results.map((c) => c.id)).size).toBe(1);
    expect(await s.customers.list(ORG, { limit: 10 })).toHaveLength(1);
  });

  it('lists newest first, by owner, by teams or owner, paged by id', async () => {
    const a = await s.customers.ensureForLead(customer(s, 1));
    const b = await s.customers.ensureForLead(customer(s, 2, { ownerId: REP_2, teamId: OTHER_TEAM }));
    const c = await s.customers.ensureForLead(customer(s, 3, { ownerId: REP_2 }));
    const ids = (list: Customer[]) => list.map((x) => x.id);
    expect(ids(await s.customers.list(ORG, { limit: 10 }))).toEqual([c.id, b.id, a.id]);
    expect(ids(await s.customers.list(ORG, { ownerId: REP, limit: 10 }))).toEqual([a.id]);
    expect(ids(await s.customers.list(ORG, { ownerId: REP, teamIds: [TEAM], limit: 10 }))).toEqual([
      c.id,
      a.id,
    ]);
    expect(ids(await s.customers.list(ORG, { limit: 10, before: c.id }))).toEqual([b.id, a.id]);
    expect(ids(await s.customers.list(ORG, { limit: 1 }))).toEqual([c.id]);
    expect(await s.customers.list(OTHER_ORG, { limit: 10 })).toEqual([]);
  });

  it('numbers orders per org from SO-1001 and keeps one per contract number', async () => {
    const c = await s.customers.ensureForLead(customer(s, 1));
    const first = await s.orders.ensure(order(s, c, 'HT-1'));
    expect(first).toMatchObject({
      number: 'SO-1001',
      contractNo: 'HT-1',
      customerId: c.id,
      items: '服务器2台',
    });
    expect(await s.orders.ensure(order(s, c, 'HT-1'))).toEqual(first);
    const second = await s.orders.ensure(order(s, c, 'HT-2'));
    expect(second.number).toBe('SO-1002');
    const elsewhere = await s.orders.ensure({ ...order(s, c, 'HT-1'), orgId: OTHER_ORG });
    expect(elsewhere.number).toBe('SO-1001');
    expect(await s.orders.findByContract(ORG, 'HT-1')).toEqual(first);
    expect(await s.orders.get(ORG, second.id)).toEqual(second);
    expect((await s.orders.listByCustomer(ORG, c.id, 10)).map((o) => o.number)).toEqual([
      'SO-1002',
      'SO-1001',
    ]);
  });

  it('makes one order of simultaneous ensures of one contract', async () => {
    const c = await s.customers.ensureForLead(customer(s, 1));
    const results = await Promise.all([1, 2, 3].map(() => s.orders.ensure(order(s, c, 'HT-9'))));
    expect(new Set(results.map((o) => o.id)).size).toBe(1);
    expect(await s.orders.listByCustomer(ORG, c.id, 10)).toHaveLength(1);
  });

  it('finds won leads still marked pending, written before the time given, and clears one deal’s mark', async () => {
    const stage = (contractNo: string) => ({
      key: 'won',
      since: AT,
      deal: { contractNo, amount: 1, signedAt: AT },
      customerPending: true as const,
    });
    const base = {
      orgId: ORG,
      contact: { name: '王芳' },
      source: 'web',
      tags: [],
      score: 50,
      grade: 'normal' as const,
      status: 'claimed' as const,
      history: [],
      version: 1,
      createdAt: AT,
      updatedAt: AT,
    };
    const marked = await s.leads.insert({ ...base, stage: stage('HT-1') });
    await s.leads.insert({ ...base, stage: { key: 'won', since: AT } });
    if (!('lead' in marked)) throw new Error('insert refused');
    const id = marked.lead.id;
    expect(await s.pending.pending(new Date(AT.getTime() - 1), 10)).toEqual([]);
    expect((await s.pending.pending(AT, 10)).map((l) => l.id)).toEqual([id]);
    await s.pending.clear(ORG, id, 'HT-other');
    await s.pending.clear(OTHER_ORG, id, 'HT-1');
    expect((await s.leads.get(ORG, id))?.stage?.customerPending).toBe(true);
    await s.pending.clear(ORG, id, 'HT-1');
    const cleared = await s.leads.get(ORG, id);
    expect(cleared?.stage).toEqual({
      key: 'won',
      since: AT,
      deal: { contractNo: 'HT-1', amount: 1, signedAt: AT },
    });
    expect(cleared?.version).toBe(1);
    expect(await s.pending.pending(AT, 10)).toEqual([]);
  });
});
