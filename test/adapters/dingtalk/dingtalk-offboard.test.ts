import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zhCN } from '../../../src/chat/texts/zh-cn.js';
import { dingtalkDriver } from '../../e2e/support/dingtalk-driver.js';
import {
  expectLeadsOwnedBy,
  outboxSettled,
  prepareLeaver,
  rehireOn,
} from '../../e2e/support/offboard-steps.js';
import { api, pumpUntil } from '../../e2e/support/story.js';
import { dingtalkClickBody, dingtalkTextBody } from '../../e2e/support/task-steps-dingtalk.js';
import type { TestApp } from '../../support/test-app.js';
import { cardHeaders, robotHeaders } from './dingtalk-test-support.js';
import type { FakeDingtalkApi, RecordedCall } from './fake-dingtalk-api.js';

// Issue #15 item 7 on DingTalk (HTTP mode) through its real callback route, every request signed as DingTalk signs
// it, the OpenAPI a local fake: the admin types /成员 离职 张伟 交接给 李娜 in the robot chat, clicks 确认 on the
// card, 李娜 gets one hand-over card, 张伟's DingTalk account and API token stop working, DingTalk's redelivery of
// the click and a second click change nothing, and a rehire on the same DingTalk account owns none of it.

const ROBOT = 'dinge2eleadrelay01';
const ADMIN = 'dtAdmin01';
const LINA = 'dtLina02';
const ZHANGWEI = 'dtZhangwei03';
const driver = dingtalkDriver();
let t: TestApp;
let fake: FakeDingtalkApi;
let msgs = 0;
let last = 0;

beforeAll(async () => {
  t = await driver.start();
  fake = driver.api();
  const chat = await api(t, 'PATCH', '/org/chat', { platform: 'dingtalk', workspaceId: ROBOT });
  expect(chat.status, JSON.stringify(chat.body)).toBe(200);
}, 60_000);
afterAll(async () => {
  await t?.close();
  await driver.close();
});

const params = (c: RecordedCall) => (c.body?.cardData?.cardParamMap ?? {}) as Record<string, string>;
/** Everything the fake received addressed to one DingTalk user: cards in their robot chat and 1:1 messages. */
const to = (userId: string) =>
  fake.calls.filter(
    (c) =>
      c.body?.openSpaceId === `dtv1.card//IM_ROBOT.${userId}` ||
      (c.body?.userIds as string[] | undefined)?.includes(userId),
  );
const textOf = (c: RecordedCall) =>
  (JSON.parse(String(c.body?.msgParam ?? '{}')) as { content?: string }).content ?? '';

/** A signed callback, kept so it can be delivered again byte for byte (DingTalk's retry of an unanswered push). */
type Delivery = { headers: Record<string, string>; body: string };
async function deliver(d: Delivery): Promise<void> {
  const response = await fetch(`${t.baseUrl}/dingtalk/callback`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...d.headers },
    body: d.body,
    signal: AbortSignal.timeout(5_000),
  });
  expect(response.status, await response.text()).toBe(200);
  await t.app.background.idle();
}
// Signed with the real time (the route checks the window against it), a distinct millisecond each: a pair is used once.
const stamp = () => (last = Math.max(Date.now(), last + 1));

/** A text in the user's 1:1 chat with the robot. */
async function say(userId: string, text: string): Promise<void> {
  const body = dingtalkTextBody(`msgOffboard${++msgs}`, userId, ROBOT, text);
  await deliver({ headers: robotHeaders(stamp()), body: JSON.stringify(body) });
}

/** A button of a delivered card, kept so it can be delivered again. */
function click(userId: string, card: RecordedCall, actionId: string, value: string): Delivery {
  const shown = { outTrackId: String(card.body.outTrackId), rev: params(card).rev };
  return {
    headers: cardHeaders(stamp()),
    body: JSON.stringify(dingtalkClickBody(userId, shown, actionId, value)),
  };
}

/** Waits for the robot's 1:1 text to the user that `matches`, and returns it. */
async function answer(userId: string, matches: (text: string) => boolean, what: string): Promise<string> {
  let found: string | undefined;
  await pumpUntil(
    t,
    async () => {
      found = to(userId)
        .filter((c) => c.path === '/v1.0/robot/oToMessages/batchSend')
        .map(textOf)
        .find(matches);
      return found !== undefined;
    },
    what,
  );
  return found!;
}

describe('DingTalk: /成员 离职 张伟 交接给 李娜, confirmed on the card', () => {
  it('hands over in one card, unlinks and revokes, ignores the retry, and gives a rehire nothing', async () => {
    const { zhangweiId, linaId, open, codes, asLeaver } = await prepareLeaver(
      t,
      'dingtalk',
      { admin: ADMIN, lina: LINA, zhangwei: ZHANGWEI },
      { count: 3, firstPhone: 13900084001 },
    );
    // Before: 张伟's DingTalk account is 张伟, and /线索 lists his leads.
    await say(ZHANGWEI, '/线索');
    const before = await answer(ZHANGWEI, (s) => s.includes(codes[0]!), '张伟’s list of leads');
    for (const code of codes) expect(before).toContain(code);
    // The set-up's own notices (the reassignments) are paced per member: all out before the count starts.
    await outboxSettled(t);
    fake.calls.length = 0;

    await say(ADMIN, '/成员 离职 张伟 交接给 李娜');
    let confirm: RecordedCall | undefined;
    await pumpUntil(
      t,
      async () => {
        confirm = to(ADMIN).find((c) => params(c).title?.startsWith('确认：'));
        return confirm !== undefined;
      },
      'the confirmation card',
    );
    expect(params(confirm!).title).toBe(`确认：张伟离职，${open} 条线索交给李娜？`);
    const buttons = JSON.parse(params(confirm!).buttons ?? '[]') as { actionId: string; value: string }[];
    expect(buttons.map((b) => b.actionId)).toEqual(['member.leave_confirm', 'member.leave_cancel']);
    // Nothing changes before the yes.
    expect((await t.app.models.Member.findById(zhangweiId).lean())?.active).toBe(true);

    const yes = click(ADMIN, confirm!, buttons[0]!.actionId, buttons[0]!.value);
    await deliver(yes);
    const done = await answer(ADMIN, (s) => s.startsWith('张伟已离职：'), 'the result');
    expect(done).toContain(`${open} 条线索已交给李娜`);
    let cards: RecordedCall[] = [];
    await pumpUntil(
      t,
      async () => {
        cards = to(LINA);
        return cards.length > 0;
      },
      'the hand-over card',
    );
    for (const code of codes) {
      const lead = (await api(t, 'GET', `/leads/${code}`)).body.lead;
      expect(lead).toMatchObject({ ownerId: linaId, status: 'claimed' });
    }

    // DingTalk pushes the same click again (same signed request), and the admin clicks 确认 once more.
    await deliver(yes);
    await deliver(click(ADMIN, confirm!, buttons[0]!.actionId, buttons[0]!.value));
    await outboxSettled(t);
    cards = to(LINA);
    // One card for the whole hand-over, nothing else to 李娜: not one per lead, not one per click.
    expect(cards.map((c) => c.path)).toEqual(['/v1.0/card/instances/createAndDeliver']);
    expect(params(cards[0]!).title).toBe(`张伟离职，${open} 条线索已交接给你`);
    // The admin heard the result once and nothing else: the redelivery and the second click on the same card (its
    // rev unchanged, so the same event) stopped at the event ledger, before any handler.
    const toAdmin = to(ADMIN).filter((c) => c.path === '/v1.0/robot/oToMessages/batchSend');
    expect(toAdmin.map(textOf)).toEqual([done]);
    // 取消 on the same card, after the fact, does not claim that nothing was done.
    await deliver(click(ADMIN, confirm!, buttons[1]!.actionId, buttons[1]!.value));
    const late = zhCN.offboarding.errors.MEMBER_ALREADY_LEFT({ name: '张伟' });
    expect(await answer(ADMIN, (s) => s !== done, 'the late 取消’s answer')).toBe(late);
    const audits = await t.app.models.AuditEntry.countDocuments({
      kind: 'member.leave',
      'target.id': zhangweiId,
    });
    expect(audits).toBe(1);

    // 张伟's DingTalk account is nobody now, and his token is refused.
    expect((await asLeaver()).status).toBe(401);
    await say(ZHANGWEI, '/线索');
    const unknown = await answer(ZHANGWEI, (s) => !s.includes('`'), 'the answer to the unlinked account');
    expect(unknown).toBe(zhCN.errors.IDENTITY_NOT_LINKED({}));
    const left = await t.app.models.Member.findById(zhangweiId).lean();
    expect(left?.identities).toEqual([]);
    expect(left?.formerIdentities).toMatchObject([{ platform: 'dingtalk', userId: ZHANGWEI }]);

    // A rehire: a new member record given the same DingTalk account owns nothing of the old one.
    await rehireOn(t, 'dingtalk', zhangweiId, ZHANGWEI);
    fake.calls.length = 0;
    await say(ZHANGWEI, '/线索');
    const mine = await answer(ZHANGWEI, () => true, 'the rehire’s list of leads');
    expect(mine).toBe(zhCN.lead.noOpenLeads);
    await expectLeadsOwnedBy(t, codes, linaId);
  }, 180_000);
});
