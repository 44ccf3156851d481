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
import { api, connectOrg, pumpUntil } from './support/story.js';
import { wecomDriver } from './support/wecom-driver.js';

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

// biome-ignore lint/suspicious/noExplicitAny: recorded JSON bodies
type Json = any;

// WeCom: a self-built app's group chat gets the centre card as text without buttons (its messages cannot call
// back), so the manager assigns from his DM's card, whose button is greyed out with the new status.
describe('WeCom: wrong order → choices → centre card → assign', () => {
  const driver = wecomDriver();
  const CHAT = 'wrAfterSalesChat';
  let t: TestApp;
  let centre: Centre;
  const userIds = new Map<string, string>();
  const as = (memberId: string) => ({
    lead: { id: '', name: '', phone: '' },
    owner: { memberId, name: '', userId: userIds.get(memberId) ?? '' },
  });
  const bodies = (path: string) =>
    driver
      .api()
      .callsTo(path)
      .map((c) => (c.body ?? {}) as Json);
  const answersTo = (memberId: string) =>
    bodies('/cgi-bin/message/send')
      .filter((b) => b.msgtype === 'text' && b.touser === userIds.get(memberId))
      .map((b) => String(b.text?.content ?? ''));
  beforeAll(async () => {
    t = await driver.start();
    centre = await openComplaintCentre(t, CHAT);
    for (const [id, user] of await connectOrg(t, driver)) userIds.set(id, user);
    for (const [i, m] of [centre.manager, centre.admin, ...centre.staff].entries()) {
      const identities = [
        { platform: 'sandbox', userId: m.id },
        { platform: 'wecom', userId: `aftersales0${i + 1}` },
      ];
      expect((await api(t, 'PUT', `/members/${m.id}/identities`, { identities })).status).toBe(200);
      userIds.set(m.id, `aftersales0${i + 1}`);
    }
  });
  afterAll(async () => {
    await t?.close();
    await driver.close();
  });

  it('raises the complaint on the order chosen, and the manager assigns it from his DM', async () => {
    const rep = centre.rep.id;
    await driver.say?.(t, as(rep), `/投诉 ${CUSTOMER} ${OTHER_ORDER} 紧急 ${DESCRIPTION}`);
    await pumpUntil(t, async () => answersTo(rep).length >= 1, 'the refusal');
    expect(answersTo(rep)[0]).toBe(wrongOrderAnswer());
    await driver.say?.(t, as(rep), '2');
    await pumpUntil(t, async () => answersTo(rep).length >= 2, 'the receipt');
    const code = raisedAnswer.exec(answersTo(rep)[1] ?? '')?.[1] ?? '';
    const complaint = await expectRaised(t, centre, rep);

    const title = centreTitle(code);
    const dmCard = () =>
      bodies('/cgi-bin/message/send').find((b) => b.template_card?.main_title?.title === title);
    await pumpUntil(t, async () => dmCard() !== undefined, 'the manager’s card');
    await pumpUntil(
      t,
      async () => bodies('/cgi-bin/appchat/send').some((b) => b.chatid === CHAT),
      'the group’s copy',
    );
    const group = bodies('/cgi-bin/appchat/send').find((b) => b.chatid === CHAT);
    expect(String(group.markdown?.content)).toContain(title);
    const card = dmCard();
    expect(card.touser).toBe(userIds.get(centre.manager.id));
    const buttons = card.template_card.button_list as { text: string; key: string }[];
    expect(buttons.map((b) => b.text).sort()).toEqual(['唐雪 · 0 单', '许亮 · 0 单', '高峰 · 0 单']);
    const xu = buttons.find((b) => b.text.startsWith('许亮'));
    await driver.clickCard(
      t,
      userIds.get(centre.manager.id) ?? '',
      card.template_card.task_id,
      xu?.key ?? '',
      'RC-assign',
    );

    await pumpUntil(
      t,
      async () => bodies('/cgi-bin/message/update_template_card').length > 0,
      'the card update',
    );
    const task = await expectAssigned(t, complaint.id, centre.staff[0]?.id ?? '');
    const status = assignedStatus('许亮', task.code, shanghaiWall(task.dueAt));
    expect(bodies('/cgi-bin/message/update_template_card')[0]).toMatchObject({
      response_code: 'RC-assign',
      // The greyed-out button holds about 10 characters (render-wecom-card.ts cuts with an ellipsis).
      button: { replace_name: `${[...status].slice(0, 9).join('')}…` },
    });
  });
});
