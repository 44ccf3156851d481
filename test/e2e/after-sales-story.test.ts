import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';
import {
  CENTRE_CHANNEL,
  CENTRE_TEAM,
  CUSTOMER,
  centreTitle,
  expectAssigned,
  expectRaised,
  ORDERS,
  OTHER_CUSTOMER,
  OTHER_ORDER,
  wrongOrderAnswer,
  wrongOrderLine,
} from './support/complaint-steps.js';
import { type SandboxMsg, sandboxMessages } from './support/sandbox-messages.js';
import { api } from './support/story.js';
import { advanceClock, cardShowing, click as clickCard, taskCards } from './support/task-steps.js';

// Issue #13's whole after-sales story on the sandbox with its clock: the orders entered by API → a complaint in
// chat on another customer's order, refused with the customer's own → the right one chosen → the centre card →
// assigned by its button → the 75 % reminder → the due time → hours reported → the approval card → adjusted hours →
// resolved, flagged overdue, and the complaint's detail. The task side's own story on Slack and DingTalk is
// test/e2e/task-hours.test.ts (its steps in support/task-steps*.ts).

type Button = NonNullable<SandboxMsg['card']>['buttons'][number];

let t: TestApp;
let manager: { id: string };
let staff: { id: string; name: string };
let rep: { id: string };

const say = async (member: string, text: string) => {
  const res = await t.request('POST', '/sandbox/api/commands', { member, text });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body.replies as { text?: string }[]).map((r) => r.text).join('\n');
};
const messages = (member: string) => sandboxMessages(t, member);
const titled = async (member: string, title: string) =>
  (await messages(member)).filter((m) => m.card?.title === title);
/** The clock moved on and the jobs run once, as the sandbox's clock does; then what they queued delivered. */
const later = async (ms: number) => {
  t.app.clock.advance(ms);
  await t.app.runJobs();
  await t.app.outboxPump.runNow();
};

beforeAll(async () => {
  t = await startTestApp();
  const members = (await api(t, 'GET', '/members')).body.members as { id: string; name: string }[];
  const named = (name: string) => members.find((m) => m.name === name) as { id: string; name: string };
  manager = named('高峰');
  staff = named('许亮');
  rep = named('李娜');
  // The after-sales team whose channel is the complaint centre, managed by 高峰 (no API makes a team).
  const team = new Types.ObjectId();
  await t.app.models.Team.collection.insertOne({
    _id: team,
    orgId: new Types.ObjectId(t.orgId),
    name: CENTRE_TEAM,
    channelId: CENTRE_CHANNEL,
    managerId: new Types.ObjectId(manager.id),
  } as never);
  expect(
    (await api(t, 'PATCH', '/org/settings', { afterSales: { teamId: team.toHexString() } })).status,
  ).toBe(200);
});
afterAll(() => t.close());

describe('the after-sales story on the sandbox', () => {
  let code = '';
  let taskCode = '';

  it('enters the customers’ orders by API: the customers are made by company name', async () => {
    // Oldest first, so 上海云启's list (newest first) reads SO-2024-018, SO-2024-017 as the choices do.
    for (const o of [ORDERS[1], ORDERS[0]]) {
      const res = await api(t, 'POST', '/orders', {
        ...o,
        customer: CUSTOMER,
        amount: 120_000,
        owner: '李娜',
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
    const other = { number: OTHER_ORDER, customer: OTHER_CUSTOMER, items: '存储', amount: 80_000 };
    const res = await api(t, 'POST', '/orders', {
      ...other,
      contractNo: 'HT-2024-030',
      signedAt: '2024-05-01',
    });
    expect(res.status).toBe(201);
  });

  it('refuses the complaint on another customer’s order with the customer’s own, and raises it on the one chosen', async () => {
    expect(await say(rep.id, wrongOrderLine())).toBe(wrongOrderAnswer());
    expect((await api(t, 'GET', '/complaints')).body.complaints).toEqual([]);
    expect(await say(rep.id, '2')).toContain('已登记投诉');
    const customers = (await api(t, 'GET', '/customers')).body.customers as { id: string; name: string }[];
    const customerId = customers.find((c) => c.name === CUSTOMER)?.id ?? '';
    code = (await expectRaised(t, { customerId } as never, rep.id)).code;
  });

  it('posts the centre card; the manager’s press assigns it and the assignee gets the task card', async () => {
    await t.app.outboxPump.runNow();
    const [card] = (await titled(manager.id, centreTitle(code))).filter((m) =>
      m.conversation.startsWith('dm:'),
    );
    expect(card?.card?.status).toBe('待分配');
    const button = card?.card?.buttons.find((b) => b.label.startsWith(staff.name)) as Button;
    const press = await t.request('POST', '/sandbox/api/actions', {
      member: manager.id,
      message: card?.id,
      actionId: button.actionId,
      value: button.value,
    });
    expect(press.body.ok, JSON.stringify(press.body)).toBe(true);
    const complaints = (await api(t, 'GET', '/complaints')).body.complaints as { id: string; code: string }[];
    const task = await expectAssigned(t, complaints.find((c) => c.code === code)?.id ?? '', staff.id);
    taskCode = task.code;
    const taskCard = await cardShowing(t, staff.id, taskCode, '待处理 · 还剩 4 小时');
    await clickCard(t, staff.id, taskCard, 'task.start');
    await cardShowing(t, staff.id, taskCode, /^处理中 · 还剩/);
  });

  it('reminds the assignee at 75 % of the time and tells the manager at the due time, each once', async () => {
    await advanceClock(t, '3h');
    const reminded = await cardShowing(t, staff.id, taskCode, '处理中 · 还剩 1 小时');
    // One reminder message beside the task card (the card itself is left as it was).
    expect((await taskCards(t, staff.id, taskCode)).filter((c) => c.id !== reminded.id)).toHaveLength(1);
    await advanceClock(t, '1h');
    await cardShowing(t, manager.id, taskCode, '处理中 · 已到期');
    await cardShowing(t, staff.id, taskCode, '处理中 · 已到期');
    // The sweep again sends nothing: each step is sent once.
    const before = [(await messages(staff.id)).length, (await messages(manager.id)).length];
    await later(60_000);
    expect([(await messages(staff.id)).length, (await messages(manager.id)).length]).toEqual(before);
  });

  it('takes /工时, sends the manager the approval card, and resolves the complaint, overdue, on adjusted hours', async () => {
    expect(await say(staff.id, `/工时 ${taskCode} 完成于 刚刚 3.5小时 已更换电源模块`)).toContain(taskCode);
    const approval = await cardShowing(t, manager.id, taskCode, '待审核 · 已填报 3.5 小时，等待主管审核');
    expect(approval.card?.buttons.map((b) => b.label)).toEqual(['批准 3.5 小时', '调整工时', '退回']);
    await clickCard(t, manager.id, approval, 'task.adjust');
    await say(manager.id, '3');
    await cardShowing(t, staff.id, taskCode, '已完成 · 已批准 3 小时（高峰） · 逾期完成');

    const detail = (await api(t, 'GET', `/complaints/${code}`)).body.complaint;
    expect(detail).toMatchObject({ status: 'resolved', order: { number: ORDERS[1].number } });
    expect(detail.tasks).toEqual([
      expect.objectContaining({
        code: taskCode,
        overdue: true,
        report: expect.objectContaining({ hours: 3.5, result: '已更换电源模块' }),
        approval: expect.objectContaining({ hours: 3, adjusted: true }),
      }),
    ]);
  });
});
