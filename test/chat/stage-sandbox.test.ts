import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';

// The stage story on the sandbox, through the whole service: a lead comes in, its owner moves it with /阶段 — 报价
// refused without its evidence, accepted with it (the quote card in their DM), then 成交 refused without the
// contract, accepted with it — and the customer, the order and the hand-off card in the team channel exist.

type Msg = {
  id: string;
  conversation: string;
  card?: { title: string; fields: { label: string; value: string }[] };
};

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const auth = () => ({ authorization: `Bearer ${t.token}` });
const command = async (member: string, text: string) => {
  const res = await t.request('POST', '/sandbox/api/commands', { member, text });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body.replies as { text?: string }[]).map((r) => r.text).join('\n');
};
const messages = async (member: string) =>
  (await t.request('GET', `/sandbox/api/messages?member=${member}`)).body as Msg[];

describe('the stage story on the sandbox', () => {
  it('refuses and accepts 报价 and 成交 by chat, and hands the new customer’s order to the team', async () => {
    const created = await t.request(
      'POST',
      '/api/v1/leads',
      { name: '王磊', phone: '13912345001', company: '星河科技', region: '上海', source: 'api' },
      auth(),
    );
    const lead = created.body.lead as { id: string; code: string; ownerId: string };
    const owner = lead.ownerId;

    expect(await command(owner, `/阶段 ${lead.code} 报价`)).toBe(
      `缺少：报价金额、报价明细\n例如：/阶段 ${lead.code} 报价 金额 50000 明细 "服务器2台 + 安装"`,
    );
    const quoted = await command(owner, `/阶段 ${lead.code} 报价 金额 50000 明细 "服务器2台 + 安装"`);
    expect(quoted).toContain(`已把 ${lead.code} 从「线索」推进到「报价」。`);
    const quoteCard = (await messages(owner)).find((m) => m.card?.title === '已报价');
    expect(quoteCard?.conversation).toBe(`dm:${owner}`);
    expect(quoteCard?.card?.fields).toEqual(
      expect.arrayContaining([
        { label: '报价金额', value: '50,000' },
        { label: '报价明细', value: '服务器2台 + 安装' },
      ]),
    );

    expect(await command(owner, `/阶段 ${lead.code} 成交 金额 48000 签约 今天`)).toBe(
      `缺少：合同编号\n例如：/阶段 ${lead.code} 成交 合同 HT-2026-001 金额 48000 签约 今天`,
    );
    const won = await command(owner, `/阶段 ${lead.code} 成交 合同 HT-2026-001 金额 48000 签约 今天`);
    expect(won).toMatch(/已成为客户「星河科技」，订单 SO-\d+ 已创建并交给售后。/);

    const customers = (await t.request('GET', '/api/v1/customers', undefined, auth())).body.customers;
    expect(customers).toEqual([
      expect.objectContaining({ leadId: lead.id, name: '星河科技', ownerId: owner }),
    ]);
    const orders = (await t.request('GET', `/api/v1/orders?customer=${customers[0].id}`, undefined, auth()))
      .body.orders;
    expect(orders).toEqual([expect.objectContaining({ contractNo: 'HT-2026-001', amount: 48000 })]);
    const handOff = (await messages(owner)).find((m) => m.card?.title === '成交交接');
    expect(handOff?.conversation).toMatch(/^channel:/);
    expect(handOff?.card?.fields).toEqual(
      expect.arrayContaining([{ label: '订单', value: orders[0].number }]),
    );

    const shown = await command(owner, `/阶段 ${lead.code}`);
    expect(shown).toContain(`${lead.code} 当前阶段：「成交」`);
    expect(shown).toContain('线索 → 报价');
    expect(shown).toContain('报价 → 成交');
  });
});
