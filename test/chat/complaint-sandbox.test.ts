import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assignedStatus,
  CENTRE_CHANNEL,
  type Centre,
  CUSTOMER,
  centreTitle,
  DESCRIPTION,
  expectAssigned,
  expectRaised,
  ORDERS,
  openComplaintCentre,
  shanghaiWall,
  wrongOrderAnswer,
  wrongOrderLine,
} from '../e2e/support/complaint-steps.js';
import { api } from '../e2e/support/story.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Issue #13, points 2, 3 and 9 through the registry on the test database (the sandbox's API is the platform):
// /投诉 with another customer's order → refused with the customer's orders → `2` → raised; the centre card in the
// after-sales channel and the manager's DM with one button per staff member; a staff member's press refused; two
// managers pressing at once assign it once; every copy updated in place.

type Msg = {
  id: string;
  conversation: string;
  text?: string;
  card?: { title: string; status?: string; fields: { label: string; value: string }[]; buttons: Button[] };
};
type Button = { actionId: string; label: string; value: string };

let t: TestApp;
let centre: Centre;
beforeAll(async () => {
  t = await startTestApp();
  centre = await openComplaintCentre(t);
});
afterAll(() => t.close());

const say = async (member: string, text: string) => {
  const res = await t.request('POST', '/sandbox/api/commands', { member, text });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body.replies as { text?: string }[]).map((r) => r.text).join('\n');
};
const messages = async (member: string) =>
  (await t.request('GET', `/sandbox/api/messages?member=${member}`)).body as Msg[];
const click = (member: string, message: string, b: Button) =>
  t.request('POST', '/sandbox/api/actions', { member, message, actionId: b.actionId, value: b.value });
const cardsOf = async (member: string, code: string) =>
  (await messages(member)).filter((m) => m.card?.title === centreTitle(code));

describe('raising a complaint on the sandbox', () => {
  let code = '';
  let complaintId = '';

  it('refuses another customer’s order with the customer’s orders, and raises it on the one chosen', async () => {
    expect(await say(centre.rep.id, wrongOrderLine())).toBe(wrongOrderAnswer());
    // Nothing was raised by the refusal.
    expect((await api(t, 'GET', '/complaints')).body.complaints).toEqual([]);
    expect(await say(centre.rep.id, '９')).toBe('请回复 1 到 2 之间的序号（或发送「取消」）。');
    const raised = await say(centre.rep.id, '2');
    expect(raised).toMatch(
      new RegExp(`^已登记投诉 TS-\\d+：${CUSTOMER} · 订单 ${ORDERS[1].number} · 紧急。已通知售后经理分配。$`),
    );
    const complaint = await expectRaised(t, centre, centre.rep.id);
    code = complaint.code;
    complaintId = complaint.id;
    // A second `2` finds no draft: nothing is raised twice.
    expect(await say(centre.rep.id, '2')).toBe('不认识的命令「2」。发送 /帮助 查看可用命令。');
    expect((await api(t, 'GET', '/complaints')).body.complaints).toHaveLength(1);
  });

  it('posts the centre card to the after-sales channel and the manager’s DM, one button per staff member', async () => {
    await t.app.outboxPump.runNow();
    const copies = await cardsOf(centre.manager.id, code);
    expect(copies.map((m) => m.conversation).sort()).toEqual(
      [`channel:${CENTRE_CHANNEL}`, `dm:${centre.manager.id}`].sort(),
    );
    const card = copies[0]?.card;
    expect(card?.status).toBe('待分配');
    // What matters first: the customer, the order and contract, the priority, the time it allows.
    expect(card?.fields.slice(0, 5)).toEqual([
      { label: '客户', value: CUSTOMER },
      { label: '订单', value: `${ORDERS[1].number} · ${ORDERS[1].items}` },
      { label: '合同编号', value: ORDERS[1].contractNo },
      { label: '优先级', value: '紧急' },
      { label: '要求完成', value: '4 小时内完成' },
    ]);
    expect(card?.buttons.map((b) => b.label).sort()).toEqual(
      ['高峰 · 0 单', '许亮 · 0 单', '唐雪 · 0 单'].sort(),
    );
  });

  it('refuses a staff member’s press in words they understand', async () => {
    const [copy] = await cardsOf(centre.manager.id, code);
    const button = copy?.card?.buttons[0] as Button;
    const res = await click(centre.staff[0]!.id, copy?.id ?? '', button);
    expect(res.body).toMatchObject({
      ok: false,
      replies: [{ text: '只有售后经理可以分配投诉。请联系售后经理分配。' }],
    });
  });

  it('assigns it once when two managers press at once; the loser is told who did; every copy is updated', async () => {
    const copies = await cardsOf(centre.manager.id, code);
    const dm = copies.find((m) => m.conversation.startsWith('dm:'));
    const xu = dm?.card?.buttons.find((b) => b.label.startsWith('许亮')) as Button;
    const tang = dm?.card?.buttons.find((b) => b.label.startsWith('唐雪')) as Button;
    const channel = copies.find((m) => m.conversation.startsWith('channel:'));
    const [a, b] = await Promise.all([
      click(centre.manager.id, dm?.id ?? '', xu),
      click(centre.admin.id, channel?.id ?? '', tang),
    ]);
    const answers = [a.body, b.body];
    const won = answers.filter((x) => x.ok);
    expect(won).toHaveLength(1);
    const lost = answers.find((x) => !x.ok);
    const winner =
      won[0] === a.body
        ? { by: centre.manager.name, to: '许亮', id: centre.staff[0]!.id }
        : { by: centre.admin.name, to: '唐雪', id: centre.staff[1]!.id };
    expect(lost.replies[0].text).toBe(`这条投诉已由${winner.by}分配给${winner.to}。`);
    const task = await expectAssigned(t, complaintId, winner.id);
    expect(won[0].replies[0].text).toBe(`已分配给 ${winner.to}，任务单 ${task.code} 已发给处理人。`);

    await t.app.outboxPump.runNow();
    const after = await cardsOf(centre.manager.id, code);
    // The same two messages, changed in place: no buttons, who has it, the task and its required time.
    expect(after.map((m) => m.id).sort()).toEqual(copies.map((m) => m.id).sort());
    for (const m of after) {
      expect(m.card?.status).toBe(assignedStatus(winner.to, task.code, shanghaiWall(task.dueAt)));
      expect(m.card?.buttons).toEqual([]);
    }
  });

  it('asks for each missing part alone, and which customer when several match', async () => {
    expect(await say(centre.rep.id, '/投诉')).toBe('是哪个客户的投诉？请回复客户名称。');
    expect(await say(centre.rep.id, '不存在的公司')).toBe(
      '没有找到客户「不存在的公司」。请再回复一次客户名称（或发送「取消」）。',
    );
    expect(await say(centre.rep.id, '上海云启')).toBe(
      [
        `是 ${CUSTOMER} 的哪个订单？请回复序号或订单号：`,
        `1. ${ORDERS[0].number} · ${ORDERS[0].items} · 2024年6月20日签订`,
        `2. ${ORDERS[1].number} · ${ORDERS[1].items} · 2024年3月5日签订`,
      ].join('\n'),
    );
    expect(await say(centre.rep.id, 'so-2024-018')).toBe('请描述一下客户遇到的问题。');
    expect(await say(centre.rep.id, '  交换机 端口 全灭  ')).toMatch(
      /^已登记投诉 TS-\d+：上海云启 · 订单 SO-2024-018 · 普通。/,
    );
    const list = (await api(t, 'GET', '/complaints')).body.complaints as {
      description: string;
      priority: string;
    }[];
    expect(list[0]).toMatchObject({
      description: '交换机 端口 全灭',
      priority: 'normal',
      category: '未分类',
    });
  });

  it('takes the order’s customer when the line names only the order', async () => {
    const raised = await say(centre.rep.id, `/投诉 ${ORDERS[0].number} 高 ${DESCRIPTION}`);
    expect(raised).toMatch(/^已登记投诉 TS-\d+：上海云启 · 订单 SO-2024-018 · 高。/);
    const list = (await api(t, 'GET', '/complaints')).body.complaints as { description: string }[];
    expect(list[0]?.description).toBe(DESCRIPTION);
  });

  it('asks which customer when the name typed is part of several, an exact name needing no question', async () => {
    const db = t.app.models.Customer.db;
    const { Types } = await import('mongoose');
    await db.collection('customers').insertOne({
      orgId: new Types.ObjectId(t.orgId),
      leadId: new Types.ObjectId(),
      name: '上海云启科技',
      contacts: [],
      createdAt: t.app.clock.now(),
    });
    expect(await say(centre.rep.id, `/投诉 云启 ${ORDERS[0].number} 无法开机`)).toBe(
      '有几个客户的名称包含「云启」，是哪一个？请回复序号：\n1. 上海云启科技\n2. 上海云启',
    );
    expect(await say(centre.rep.id, '2')).toMatch(/^已登记投诉 TS-\d+：上海云启 · 订单 SO-2024-018 · 普通。/);
    expect(await say(centre.rep.id, `/投诉 上海云启 ${ORDERS[0].number} 无法开机`)).toMatch(/^已登记投诉/);
  });
});
