import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORDERS } from '../../src/config/seed-demo-orders.js';
import { startDemo } from '../../src/config/start-demo.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// `npm start` seeds the demo's customers and orders (startDemo's sampleOrders), once however often it starts, so
// `/投诉 上海云启 SO-2024-017 设备无法开机` works on the sandbox at once.

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const members = async () =>
  (await t.request('GET', '/sandbox/api/members')).body as { id: string; name: string; roles: string[] }[];

describe('the demo org’s orders', () => {
  it('are seeded once over two starts, with their customers', async () => {
    await startDemo(t.app, { reset: false, sampleOrders: true });
    await startDemo(t.app, { reset: false, sampleOrders: true });
    const orders = await t.app.models.Order.find({ orgId: t.orgId }).lean();
    expect(orders.map((o) => o.number).sort()).toEqual(DEMO_ORDERS.map((o) => o.number).sort());
    const customers = await t.app.models.Customer.find({ orgId: t.orgId }).lean();
    expect(customers.map((c) => c.name).sort()).toEqual(['上海云启', '杭州新程']);
    const lina = (await members()).find((m) => m.name === '李娜')!;
    expect(orders.filter((o) => o.ownerId?.toHexString() === lina.id)).toHaveLength(2);
  });

  it('take a complaint from the sandbox at once, which reaches the after-sales manager', async () => {
    const all = await members();
    const lina = all.find((m) => m.name === '李娜')!;
    const res = await t.request('POST', '/sandbox/api/commands', {
      member: lina.id,
      text: '/投诉 上海云启 SO-2024-017 设备无法开机',
    });
    expect(res.status).toBe(200);
    const reply = (res.body.replies as { text?: string }[]).map((r) => r.text).join('\n');
    expect(reply).toMatch(/^已登记投诉 TS-\d+：上海云启 · 订单 SO-2024-017/);
    await t.app.outboxPump.runNow();
    const head = all.find((m) => m.name === '高峰')!;
    const seen = (await t.request('GET', `/sandbox/api/messages?member=${head.id}`)).body as {
      card?: { fields: { value: string }[] };
    }[];
    expect(seen.some((m) => m.card?.fields.some((f) => f.value.includes('SO-2024-017')))).toBe(true);
    // 杭州新程's order is not 上海云启's: refused with 上海云启's own two to choose from.
    const wrong = await t.request('POST', '/sandbox/api/commands', {
      member: lina.id,
      text: '/投诉 上海云启 SO-2024-021 设备无法开机',
    });
    const refusal = (wrong.body.replies as { text?: string }[]).map((r) => r.text).join('\n');
    expect(refusal).toContain('订单 SO-2024-021 不是 上海云启 的订单');
    expect(refusal).toContain('SO-2024-017');
    expect(refusal).toContain('SO-2024-018');
  });
});
