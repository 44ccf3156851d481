import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Issue #12's story on the sandbox, with its clock and through the whole service: a rep claims a lead, records a
// follow-up with a natural next-contact time, is reminded at that time, moves the lead to 报价 (refused without the
// amount, accepted with it), is reminded to follow the quote up three days later, moves it to 成交 (refused without
// the contract, accepted with it), and the customer, its order and the hand-off card exist.

type Card = { title: string; markdown?: string; fields: { label: string; value: string }[] };
type Msg = { id: string; conversation: string; card?: Card; text?: string };

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const auth = () => ({ authorization: `Bearer ${t.token}` });
const say = async (member: string, text: string) => {
  const res = await t.request('POST', '/sandbox/api/commands', { member, text });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body.replies as { text?: string }[]).map((r) => r.text ?? '').join('\n');
};
const messages = async (member: string) =>
  (await t.request('GET', `/sandbox/api/messages?member=${member}`)).body as Msg[];
const advance = async (by: string) => {
  const res = await t.request('POST', '/sandbox/api/clock', { advance: by });
  expect(res.status).toBe(200);
};
const HOUR = 3_600_000;
const SHANGHAI = 8 * HOUR;
/** Moves the sandbox clock on to the next 09:00 in Shanghai (the demo org's zone), so "明天上午10点" is known. */
const toNineInShanghai = async (): Promise<Date> => {
  const now = t.app.clock.now().getTime();
  const local = now + SHANGHAI;
  const nine = Math.floor(local / (24 * HOUR)) * 24 * HOUR + 9 * HOUR;
  const target = nine > local ? nine : nine + 24 * HOUR;
  await advance(`${Math.ceil((target - local) / 60_000)}m`);
  return new Date(target - SHANGHAI);
};
/** "12月2日 周三 10:00": how the receipt words a Shanghai time. */
const zhWhen = (at: Date) => {
  const local = new Date(at.getTime() + SHANGHAI);
  const weekday = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'][local.getUTCDay()];
  const hh = String(local.getUTCHours()).padStart(2, '0');
  const mm = String(local.getUTCMinutes()).padStart(2, '0');
  return `${local.getUTCMonth() + 1}月${local.getUTCDate()}日 ${weekday} ${hh}:${mm}`;
};
const reminders = async (member: string) =>
  (await messages(member)).filter((m) => m.card?.title.startsWith('联系提醒'));

describe('the follow-up story on the sandbox', () => {
  it('claim → /跟进 with a natural time → reminder then → 报价 → quote reminder → 成交 → customer, order, hand-off', async () => {
    const nine = await toNineInShanghai();
    const tomorrowTen = new Date(nine.getTime() + 25 * HOUR);
    const created = await t.request(
      'POST',
      '/api/v1/leads',
      { name: '王磊', phone: '13912346001', company: '云启科技', region: '上海', source: 'api' },
      auth(),
    );
    const lead = created.body.lead as { id: string; code: string; ownerId: string };
    const owner = lead.ownerId;
    expect(await say(owner, `/线索 领取 ${lead.code}`)).not.toBe('');

    const receipt = await say(owner, `/跟进 ${lead.code} 电话 约到试用 下次 明天上午10点 客户要报价单`);
    expect(receipt).toContain(`已记录：电话 · 约到试用 · 下次联系 ${zhWhen(tomorrowTen)}`);
    const records = (await t.request('GET', `/api/v1/leads/${lead.code}/follow-ups`, undefined, auth())).body;
    expect(records.followUps).toEqual([
      expect.objectContaining({
        channel: 'phone',
        outcome: 'trial-booked',
        content: '客户要报价单',
        nextContactAt: tomorrowTen.toISOString(),
      }),
    ]);

    // Nothing before the time; at 10:00 the next day the reminder says who and what happened last.
    await advance('24h');
    expect(await reminders(owner)).toEqual([]);
    await advance('61m');
    const [reminder] = await reminders(owner);
    expect(reminder?.conversation).toBe(`dm:${owner}`);
    expect(reminder?.card?.markdown).toContain('10:00 联系 王磊');
    expect(reminder?.card?.markdown).toContain('上次：约到试用');

    expect(await say(owner, `/阶段 ${lead.code} 报价`)).toContain('缺少：报价金额、报价明细');
    const quoted = await say(owner, `/阶段 ${lead.code} 报价 金额 50000 明细 "服务器2台 + 安装"`);
    expect(quoted).toContain('「报价」');

    // Three days after the quote, the owner is reminded to follow it up (and not before).
    await advance('71h');
    expect(await reminders(owner)).toHaveLength(1);
    await advance('2h');
    const after = await reminders(owner);
    expect(after).toHaveLength(2);
    expect(after[1]?.card?.markdown).toContain('联系 王磊');

    expect(await say(owner, `/阶段 ${lead.code} 成交 金额 48000 签约 今天`)).toContain('缺少：合同编号');
    const won = await say(owner, `/阶段 ${lead.code} 成交 合同 HT-2026-017 金额 48000 签约 今天`);
    expect(won).toMatch(/已成为客户「云启科技」，订单 SO-\d+ 已创建并交给售后。/);

    const customers = (await t.request('GET', '/api/v1/customers', undefined, auth())).body.customers;
    const customer = customers.find((c: { leadId: string }) => c.leadId === lead.id);
    expect(customer).toMatchObject({ name: '云启科技', ownerId: owner });
    const orders = (await t.request('GET', `/api/v1/orders?customer=${customer.id}`, undefined, auth())).body
      .orders;
    expect(orders).toEqual([expect.objectContaining({ contractNo: 'HT-2026-017', amount: 48000 })]);
    const handOff = (await messages(owner)).find((m) => m.card?.title === '成交交接');
    expect(handOff?.conversation).toMatch(/^channel:/);
    expect(handOff?.card?.fields).toEqual(
      expect.arrayContaining([{ label: '订单', value: orders[0].number }]),
    );
  });

  it('moves the lead on when the org maps the outcome to a stage, and asks for a stage’s evidence', async () => {
    const outcomes = [
      { key: 'needs-confirmed', name: '确认需求', stage: 'intent' },
      { key: 'second-quote', name: '二次报价', stage: 'quote' },
    ];
    const patched = await t.request('PATCH', '/api/v1/org/settings', { followUps: { outcomes } }, auth());
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    const created = await t.request(
      'POST',
      '/api/v1/leads',
      { name: '李娜', phone: '13912346002', company: '海纳电子', region: '上海', source: 'api' },
      auth(),
    );
    const lead = created.body.lead as { id: string; code: string; ownerId: string };

    const first = await say(lead.ownerId, `/跟进 ${lead.code} 电话 确认需求 下次 3天后 要三台设备`);
    expect(first).toContain(`已把 ${lead.code} 从「线索」推进到「意向」。`);
    // 报价 needs its amount and items, which a follow-up does not carry: the record stands, the rep is asked.
    const second = await say(lead.ownerId, `/跟进 ${lead.code} 微信 二次报价 下次 后天下午 客户嫌贵`);
    expect(second).toContain('已记录：微信 · 二次报价');
    expect(second).toContain('缺少：报价金额、报价明细');
    expect(second).toContain(`/阶段 ${lead.code} 报价 金额`);
    // The API does the same: an outcome mapped to a stage reports what it did to it.
    const byApi = await t.request(
      'POST',
      `/api/v1/leads/${lead.code}/follow-ups`,
      {
        channel: 'email',
        content: '发了二次报价单',
        outcome: 'second-quote',
        nextContactAt: new Date(t.app.clock.now().getTime() + 5 * 24 * HOUR).toISOString(),
      },
      auth(),
    );
    expect(byApi.status, JSON.stringify(byApi.body)).toBe(201);
    expect(byApi.body.stage).toEqual({
      to: 'quote',
      changed: false,
      missing: ['quote.amount', 'quote.items'],
    });
    const stage = await say(lead.ownerId, `/阶段 ${lead.code}`);
    expect(stage).toContain('当前阶段：「意向」');
    // Forward only: the same outcome again changes nothing.
    const again = await say(lead.ownerId, `/跟进 ${lead.code} 电话 确认需求 下次 下周一 再确认一次`);
    expect(again).not.toContain('推进到');
    await t.request('PATCH', '/api/v1/org/settings', { followUps: null }, auth());
  });
});
