import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';

// `POST /api/v1/orders` and `/orders:batch` on the demo org, through the real stack and database.

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const auth = (extra: Record<string, string> = {}) => ({ authorization: `Bearer ${t.token}`, ...extra });
const order = (n: number, more: Record<string, unknown> = {}) => ({
  number: `SO-2024-${n}`,
  customer: `云启科技${n}`,
  items: '服务器2台 + 安装',
  amount: 48_000,
  contractNo: `HT-2024-${n}`,
  signedAt: '2026-12-01',
  owner: '张伟',
  ...more,
});

describe('POST /api/v1/orders', () => {
  it('enters an order for a new company: the customer is made, the order listed with it; a repeat answers it', async () => {
    const first = await t.request('POST', '/api/v1/orders', order(1), auth());
    expect(first.status).toBe(201);
    expect(first.body.order).toMatchObject({
      number: 'SO-2024-1',
      contractNo: 'HT-2024-1',
      amount: 48_000,
      ownerName: '张伟',
      signedAt: '2026-11-30T16:00:00.000Z',
    });
    expect(first.body.order.requestKey).toBeUndefined();
    const again = await t.request('POST', '/api/v1/orders', order(1), auth());
    expect(again.status).toBe(200);
    expect(again.body.order.id).toBe(first.body.order.id);
    const customer = await t.request(
      'GET',
      `/api/v1/customers/${first.body.order.customerId}`,
      undefined,
      auth(),
    );
    expect(customer.body.customer).toMatchObject({ name: '云启科技1', ownerName: '张伟' });
    expect(customer.body.customer.orders.map((o: { number: string }) => o.number)).toEqual(['SO-2024-1']);
    // A second order for the same company finds that customer by its name.
    const second = await t.request('POST', '/api/v1/orders', order(2, { customer: '云启科技1' }), auth());
    expect(second.body.order.customerId).toBe(first.body.order.customerId);
  });

  it('takes the customer by id, and answers 404 for an unknown one', async () => {
    const made = await t.request('POST', '/api/v1/orders', order(3), auth());
    const byId = order(4, { customer: undefined, customerId: made.body.order.customerId });
    const res = await t.request('POST', '/api/v1/orders', byId, auth());
    expect(res.status).toBe(201);
    expect(res.body.order.customerId).toBe(made.body.order.customerId);
    const unknown = order(5, { customer: undefined, customerId: '6b0f064758542000d1edf0c1' });
    expect((await t.request('POST', '/api/v1/orders', unknown, auth())).body.error.code).toBe(
      'CUSTOMER_NOT_FOUND',
    );
  });

  it('refuses the same number with other content (409 naming it), a taken contract, and a reused key', async () => {
    await t.request('POST', '/api/v1/orders', order(6), auth({ 'idempotency-key': 'ord-6' }));
    const other = await t.request('POST', '/api/v1/orders', order(6, { amount: 1 }), auth());
    expect(other.status).toBe(409);
    expect(other.body.error).toMatchObject({ code: 'ORDER_NUMBER_TAKEN', details: { number: 'SO-2024-6' } });
    expect(other.body.error.message).toContain('SO-2024-6');
    const contract = await t.request('POST', '/api/v1/orders', order(7, { contractNo: 'HT-2024-6' }), auth());
    expect(contract.status).toBe(409);
    expect(contract.body.error).toMatchObject({
      code: 'CONTRACT_NO_TAKEN',
      details: { orderNumber: 'SO-2024-6' },
    });
    const key = await t.request('POST', '/api/v1/orders', order(8), auth({ 'idempotency-key': 'ord-6' }));
    expect(key.status).toBe(409);
    expect(key.body.error.code).toBe('ORDER_KEY_REUSED');
    const replay = await t.request('POST', '/api/v1/orders', order(6), auth({ 'idempotency-key': 'ord-6' }));
    expect(replay.status).toBe(200);
  });

  it('names every bad field at once', async () => {
    const res = await t.request(
      'POST',
      '/api/v1/orders',
      { number: '', amount: 'lots', signedAt: 'next week', colour: 'red', owner: '张伟' },
      auth(),
    );
    expect(res.status).toBe(400);
    const fields = res.body.error.details.issues.map((i: { field: string }) => i.field).sort();
    expect(fields).toEqual(['amount', 'colour', 'contractNo', 'number', 'signedAt']);
    const neither = await t.request('POST', '/api/v1/orders', order(9, { customer: undefined }), auth());
    expect(neither.body.error.details.issues.map((i: { field: string }) => i.field)).toEqual(['customer']);
    // A value of the wrong type is said as such, never as a missing field ("客户：必填" for an object once).
    const mistyped = await t.request(
      'POST',
      '/api/v1/orders',
      order(11, { customer: { name: '上海云启' }, amount: '98000', signedAt: 20261201 }),
      auth(),
    );
    expect(mistyped.status).toBe(400);
    expect(mistyped.body.error.details.issues).toEqual([
      expect.objectContaining({ field: 'customer', problem: { kind: 'wrong_type', expected: 'string' } }),
      expect.objectContaining({ field: 'amount', problem: { kind: 'wrong_type', expected: 'number' } }),
      expect.objectContaining({ field: 'signedAt', problem: { kind: 'wrong_type', expected: 'string' } }),
    ]);
    expect(mistyped.body.error.message).toContain('客户：应为文字');
    expect(mistyped.body.error.message).not.toContain('必填');
    const nobody = await t.request('POST', '/api/v1/orders', order(10, { owner: '查无此人' }), auth());
    expect(nobody.status).toBe(422);
    expect(nobody.body.error.code).toBe('ORDER_OWNER_NOT_FOUND');
  });

  it('makes one order and one customer of two identical requests at once', async () => {
    const both = await Promise.all([
      t.request('POST', '/api/v1/orders', order(11), auth()),
      t.request('POST', '/api/v1/orders', order(11), auth()),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 201]);
    expect(both[0]!.body.order.id).toBe(both[1]!.body.order.id);
    const customers = await t.request('GET', '/api/v1/customers?limit=200', undefined, auth());
    expect(customers.body.customers.filter((c: { name: string }) => c.name === '云启科技11')).toHaveLength(1);
  });

  it('keeps the 成交 numbering clear of numbers entered by hand', async () => {
    // SO-1001 taken by an entered order: the next 成交 draws past it.
    await t.request('POST', '/api/v1/orders', order(12, { number: 'SO-1001' }), auth());
    const lead = await t.request(
      'POST',
      '/api/v1/leads',
      { name: '客户', phone: '13812350099', company: '星河', region: '上海', source: 'website' },
      auth(),
    );
    const deal = { contractNo: 'HT-WON-1', amount: 1000, signedAt: '2026-12-01' };
    const won = await t.request(
      'POST',
      `/api/v1/leads/${lead.body.lead.code}/stage`,
      { to: 'won', deal },
      auth(),
    );
    expect(won.status).toBe(200);
    expect(won.body.order.number).toBe('SO-1002');
  });
});

describe('POST /api/v1/orders:batch', () => {
  it('answers each order as its own POST would, in order', async () => {
    const res = await t.request(
      'POST',
      '/api/v1/orders:batch',
      {
        orders: [order(20), order(1), order(1, { amount: 2 }), { number: 'x' }],
        idempotencyKeys: ['b-20', 'b-1', 'b-1b', 'b-x'],
      },
      auth(),
    );
    expect(res.status).toBe(200);
    expect(res.body.results.map((r: { status: number }) => r.status)).toEqual([201, 200, 409, 400]);
    expect(res.body.results[2].error.code).toBe('ORDER_NUMBER_TAKEN');
  });

  it('refuses a read-only token', async () => {
    const made = await t.request('POST', '/api/v1/tokens', { name: 'ro-orders', role: 'read_only' }, auth());
    const res = await t.request('POST', '/api/v1/orders', order(30), {
      authorization: `Bearer ${made.body.secret}`,
    });
    expect(res.status).toBe(403);
  });
});
