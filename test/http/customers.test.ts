import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';

// `GET /api/v1/customers`, `/customers/:id` and `/orders?customer=` on the demo org, through the real stack.

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const auth = () => ({ authorization: `Bearer ${t.token}` });

async function wonCustomer(n: number) {
  const created = await t.request(
    'POST',
    '/api/v1/leads',
    { name: `客户${n}`, phone: `1381235000${n}`, company: `公司${n}`, region: '上海', source: 'website' },
    auth(),
  );
  const lead = created.body.lead;
  const deal = { contractNo: `HT-C-${n}`, amount: 1000 * n, signedAt: '2026-12-01' };
  const won = await t.request('POST', `/api/v1/leads/${lead.code}/stage`, { to: 'won', deal }, auth());
  expect(won.status).toBe(200);
  return won.body as { customer: { id: string }; order: { id: string; number: string } };
}

describe('GET /api/v1/customers', () => {
  it('lists customers newest first and pages by id; one customer shows its orders', async () => {
    const won = [];
    for (const n of [1, 2, 3]) won.push(await wonCustomer(n));
    const page = await t.request('GET', '/api/v1/customers?limit=2', undefined, auth());
    expect(page.status).toBe(200);
    expect(page.body.customers.map((c: { id: string }) => c.id)).toEqual([
      won[2]!.customer.id,
      won[1]!.customer.id,
    ]);
    const rest = await t.request(
      'GET',
      `/api/v1/customers?limit=2&before=${page.body.next.before}`,
      undefined,
      auth(),
    );
    expect(rest.body.customers.map((c: { id: string }) => c.id)).toEqual([won[0]!.customer.id]);
    expect(rest.body.next).toBeUndefined();

    const one = await t.request('GET', `/api/v1/customers/${won[0]!.customer.id}`, undefined, auth());
    expect(one.body.customer).toMatchObject({
      name: '公司1',
      contacts: [expect.objectContaining({ name: '客户1' })],
    });
    expect(one.body.customer.orders).toEqual([
      expect.objectContaining({ id: won[0]!.order.id, amount: 1000 }),
    ]);

    const orders = await t.request(
      'GET',
      `/api/v1/orders?customer=${won[0]!.customer.id}`,
      undefined,
      auth(),
    );
    expect(orders.body.orders.map((o: { number: string }) => o.number)).toEqual([won[0]!.order.number]);
  });

  it('answers 404 for a customer of nobody and 400 for a malformed query', async () => {
    expect(
      (await t.request('GET', '/api/v1/customers/6b0f064758542000d1edf0c1', undefined, auth())).status,
    ).toBe(404);
    expect((await t.request('GET', '/api/v1/customers/not-an-id', undefined, auth())).status).toBe(404);
    expect((await t.request('GET', '/api/v1/orders', undefined, auth())).status).toBe(400);
    expect((await t.request('GET', '/api/v1/customers?limit=0', undefined, auth())).status).toBe(400);
  });
});
