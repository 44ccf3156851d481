import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../support/test-app.js';
import {
  type ComplaintPlatform,
  dingtalkComplaints,
  sandboxComplaints,
  slackComplaints,
} from './support/complaint-platforms.js';
import {
  assignedStatus,
  type Centre,
  CUSTOMER,
  centreTitle,
  DESCRIPTION,
  expectAssigned,
  expectRaised,
  ORDERS,
  OTHER_ORDER,
  openComplaintCentre,
  shanghaiWall,
  wrongOrderAnswer,
} from './support/complaint-steps.js';
import { pumpUntil } from './support/story.js';

// Issue #13, points 2, 3 and 10 on each platform through its driver: a rep raises a complaint naming another
// customer's order → refused with the customer's orders to choose from → chooses the right one → the centre card in
// the after-sales channel and the after-sales manager's DM, one button per staff member → two people with the
// right to assign press at once → assigned once, every copy updated in place, the task created.

const raisedAnswer = /^已登记投诉 (TS-\d+)：上海云启 · 订单 SO-2024-017 · 紧急。已通知售后经理分配。$/;

describe.each<[string, () => ComplaintPlatform]>([
  ['sandbox', sandboxComplaints],
  ['Slack', slackComplaints],
  ['DingTalk', dingtalkComplaints],
])('%s: wrong order → choices → centre card → assign', (_name, makePlatform) => {
  const p = makePlatform();
  let t: TestApp;
  let centre: Centre;
  beforeAll(async () => {
    t = await p.driver.start();
    centre = await openComplaintCentre(t, p.centreChannel);
    await p.connect(t, centre);
  });
  afterAll(async () => {
    await t?.close();
    await p.driver.close();
  });

  it('raises the complaint on the order chosen, and the centre assigns it once', async () => {
    const rep = centre.rep.id;
    const answered = async (n: number) => {
      await pumpUntil(t, async () => (await p.answers(t, rep)).length >= n, `answer ${n}`);
      return (await p.answers(t, rep))[n - 1] ?? '';
    };
    await p.complain(t, rep, `${CUSTOMER} ${OTHER_ORDER} 紧急 ${DESCRIPTION}`);
    const refusal = await answered(1);
    expect(refusal).toBe(
      p.name === 'Slack'
        ? `订单 ${OTHER_ORDER} 不是 ${CUSTOMER} 的订单。请在下面选择该客户的订单。`
        : wrongOrderAnswer(),
    );
    await p.choose(t, rep, 2, ORDERS[1].number);
    const code = raisedAnswer.exec(await answered(2))?.[1] ?? '';
    expect(code).not.toBe('');
    const complaint = await expectRaised(t, centre, rep);

    const title = centreTitle(code);
    await pumpUntil(t, async () => (await p.centreCopies(t, title)).length === 2, 'the centre card’s copies');
    const copies = await p.centreCopies(t, title);
    expect(copies.map((c) => c.where).sort()).toEqual(['channel', 'dm']);
    for (const copy of copies) {
      expect(copy.status).toBe('待分配');
      expect(copy.buttons.map((b) => b.label).sort()).toEqual(['唐雪 · 0 单', '许亮 · 0 单', '高峰 · 0 单']);
    }
    const dm = copies.find((c) => c.where === 'dm') as (typeof copies)[number];
    const channel = copies.find((c) => c.where === 'channel') as (typeof copies)[number];
    const xu = dm.buttons.find((b) => b.label.startsWith('许亮')) as (typeof dm.buttons)[number];
    const tang = channel.buttons.find((b) => b.label.startsWith('唐雪')) as (typeof dm.buttons)[number];
    await Promise.all([p.click(t, centre.manager.id, dm, xu), p.click(t, centre.admin.id, channel, tang)]);

    const assigned = async () => {
      const list = (
        await t.request('GET', '/api/v1/complaints', undefined, { authorization: `Bearer ${t.token}` })
      ).body.complaints as { id: string; status: string; assigneeId?: string }[];
      return list.find((c) => c.id === complaint.id);
    };
    await pumpUntil(t, async () => (await assigned())?.status === 'assigned', 'the assignment');
    const winner = (await assigned())?.assigneeId === centre.staff[0]?.id ? centre.staff[0] : centre.staff[1];
    const task = await expectAssigned(t, complaint.id, winner?.id ?? '');
    const status = assignedStatus(winner?.name ?? '', task.code, shanghaiWall(task.dueAt));
    await pumpUntil(
      t,
      async () => (await p.centreCopies(t, title)).every((c) => c.status === status),
      'every copy updated',
    );
    for (const copy of await p.centreCopies(t, title)) expect(copy.buttons).toEqual([]);
  });
});
