import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encryptPayload, signEncrypted } from '../../../src/adapters/wecom/wecom-crypto.js';
import { zhCN } from '../../../src/chat/texts/zh-cn.js';
import {
  expectLeadsOwnedBy,
  outboxSettled,
  prepareLeaver,
  rehireOn,
} from '../../e2e/support/offboard-steps.js';
import { api, nowSeconds, pumpUntil } from '../../e2e/support/story.js';
import { wecomDriver } from '../../e2e/support/wecom-driver.js';
import { VECTOR_A_KEYS } from '../../fixtures/wecom/vector-keys.js';
import type { TestApp } from '../../support/test-app.js';
import type { FakeWecomApi, RecordedCall } from './fake-wecom-api.js';

// Issue #15 item 7 on WeCom (self-built app) through its real callback route, every callback encrypted and signed
// as WeCom does, the server API a local fake: the admin types /成员 离职 张伟 交接给 李娜, clicks 确认 on the template
// card, 李娜 gets one hand-over message, 张伟's WeCom account and API token stop working, WeCom's retry of the click
// and a second click change nothing, and a rehire on the same WeCom account owns none of it.

const AGENT_ID = 1000002;
const ADMIN = 'WwAdmin';
const LINA = 'WwLiNa';
const ZHANGWEI = 'WwZhangWei';
const driver = wecomDriver();
let t: TestApp;
let fake: FakeWecomApi;
let msgIds = 0;
let nonces = 0;

beforeAll(async () => {
  t = await driver.start();
  fake = driver.api();
  const chat = await api(t, 'PATCH', '/org/chat', { platform: 'wecom', workspaceId: VECTOR_A_KEYS.corpId });
  expect(chat.status, JSON.stringify(chat.body)).toBe(200);
}, 60_000);
afterAll(async () => {
  await t?.close();
  await driver.close();
});

type Sent = {
  touser?: string;
  msgtype?: string;
  text?: { content?: string };
  template_card?: { task_id: string; main_title: { title: string }; button_list: { key: string }[] };
};
const bodyOf = (c: RecordedCall) => (c.body ?? {}) as Sent & { userids?: string[] };
/** Everything the fake received for one WeCom user: sends and card updates. */
const to = (userId: string) =>
  fake.calls.filter((c) => bodyOf(c).touser === userId || bodyOf(c).userids?.includes(userId));
const textsTo = (userId: string) =>
  to(userId)
    .map(bodyOf)
    .filter((b) => b.msgtype === 'text')
    .map((b) => b.text?.content ?? '');

/** An encrypted, signed callback, kept so it can be posted again unchanged (WeCom retries an unanswered one). */
type Delivery = { query: string; envelope: string };
function sealed(xml: string): Delivery {
  // Signed with the real time: the route's window is checked on it, not on the story's clock.
  const timestamp = String(Math.floor(Date.now() / 1000));
  const encrypted = encryptPayload(VECTOR_A_KEYS, xml);
  const nonce = String(52718390 + nonces++);
  const query = new URLSearchParams({
    msg_signature: signEncrypted(VECTOR_A_KEYS.token, timestamp, nonce, encrypted),
    timestamp,
    nonce,
  });
  return {
    query: query.toString(),
    envelope:
      `<xml><ToUserName><![CDATA[${VECTOR_A_KEYS.corpId}]]></ToUserName>` +
      `<AgentID><![CDATA[${AGENT_ID}]]></AgentID><Encrypt><![CDATA[${encrypted}]]></Encrypt></xml>`,
  };
}
async function deliver(d: Delivery): Promise<void> {
  const response = await fetch(`${t.baseUrl}/wecom/callback?${d.query}`, {
    method: 'POST',
    headers: { 'content-type': 'text/xml' },
    body: d.envelope,
    signal: AbortSignal.timeout(5_000),
  });
  expect(response.status).toBe(200);
  expect(await response.text()).toBe('');
  await t.app.background.idle();
}

/** 接收普通消息 (text): https://developer.work.weixin.qq.com/document/path/90239 */
async function say(userId: string, text: string): Promise<void> {
  t.app.clock.advance(1_000);
  await deliver(
    sealed(
      `<xml><ToUserName><![CDATA[${VECTOR_A_KEYS.corpId}]]></ToUserName>` +
        `<FromUserName><![CDATA[${userId}]]></FromUserName><CreateTime>${nowSeconds(t)}</CreateTime>` +
        `<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[${text}]]></Content>` +
        `<MsgId>${7_100_000_000_000_000_000n + BigInt(++msgIds)}</MsgId><AgentID>${AGENT_ID}</AgentID></xml>`,
    ),
  );
}

/** 模板卡片事件 template_card_event: https://developer.work.weixin.qq.com/document/path/90240 */
function click(userId: string, taskId: string, key: string, code: string): Delivery {
  // A second later than anything before: WeCom's event id is the user, the time and the key clicked.
  t.app.clock.advance(1_000);
  return sealed(
    `<xml><ToUserName><![CDATA[${VECTOR_A_KEYS.corpId}]]></ToUserName>` +
      `<FromUserName><![CDATA[${userId}]]></FromUserName><CreateTime>${nowSeconds(t)}</CreateTime>` +
      '<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[template_card_event]]></Event>' +
      `<EventKey><![CDATA[${key}]]></EventKey><TaskId><![CDATA[${taskId}]]></TaskId>` +
      '<CardType><![CDATA[button_interaction]]></CardType>' +
      `<ResponseCode><![CDATA[${code}]]></ResponseCode><AgentID>${AGENT_ID}</AgentID></xml>`,
  );
}

/** Waits for the app's text to the user that `matches`, and returns it. */
async function answer(userId: string, matches: (text: string) => boolean, what: string): Promise<string> {
  let found: string | undefined;
  await pumpUntil(
    t,
    async () => {
      found = textsTo(userId).find(matches);
      return found !== undefined;
    },
    what,
  );
  return found!;
}

describe('WeCom: /成员 离职 张伟 交接给 李娜, confirmed on the card', () => {
  it('hands over in one message, unlinks and revokes, ignores the retry, and gives a rehire nothing', async () => {
    const { zhangweiId, linaId, open, codes, asLeaver } = await prepareLeaver(
      t,
      'wecom',
      { admin: ADMIN, lina: LINA, zhangwei: ZHANGWEI },
      { count: 3, firstPhone: 13900085001 },
    );
    // Before: 张伟's WeCom account is 张伟, and /线索 lists his leads.
    await say(ZHANGWEI, '/线索');
    const before = await answer(ZHANGWEI, (s) => s.includes(codes[0]!), '张伟’s list of leads');
    for (const code of codes) expect(before).toContain(code);
    // The set-up's own notices (the reassignments) are paced per member: all out before the count starts.
    await outboxSettled(t);
    fake.reset();

    await say(ADMIN, '/成员 离职 张伟 交接给 李娜');
    let confirm: Sent['template_card'];
    await pumpUntil(
      t,
      async () => {
        confirm = to(ADMIN)
          .map((c) => bodyOf(c).template_card)
          .find((card) => card?.main_title.title.startsWith('确认：'));
        return confirm !== undefined;
      },
      'the confirmation card',
    );
    expect(confirm?.main_title.title).toBe(`确认：张伟离职，${open} 条线索交给李娜？`);
    const keys = confirm!.button_list.map((b) => b.key);
    expect(keys.map((k) => k.split('|')[0])).toEqual(['member.leave_confirm', 'member.leave_cancel']);
    expect((await t.app.models.Member.findById(zhangweiId).lean())?.active).toBe(true);

    const yes = click(ADMIN, confirm!.task_id, keys[0]!, 'RC-offboard-yes');
    await deliver(yes);
    const done = await answer(ADMIN, (s) => s.startsWith('张伟已离职：'), 'the result');
    expect(done).toContain(`${open} 条线索已交给李娜`);
    await pumpUntil(t, async () => to(LINA).length > 0, 'the hand-over message');
    for (const code of codes) {
      const lead = (await api(t, 'GET', `/leads/${code}`)).body.lead;
      expect(lead).toMatchObject({ ownerId: linaId, status: 'claimed' });
    }

    // WeCom retries the same callback, then the admin clicks 确认 again a second later (a new event).
    await deliver(yes);
    await deliver(click(ADMIN, confirm!.task_id, keys[0]!, 'RC-offboard-again'));
    const again = await answer(ADMIN, (s) => !s.startsWith('张伟已离职：'), 'the second click’s answer');
    expect(again).toBe(zhCN.offboarding.errors.MEMBER_ALREADY_LEFT({ name: '张伟', byName: '周建国' }));
    await outboxSettled(t);
    // One message for the whole hand-over, nothing else to 李娜: not one per lead, not one per click. A card
    // without buttons goes out as text on WeCom (a button_interaction card needs a button).
    const sent = to(LINA).map(bodyOf);
    expect(sent.map((b) => b.msgtype)).toEqual(['text']);
    expect(sent[0]?.text?.content).toMatch(new RegExp(`^张伟离职，${open} 条线索已交接给你`));
    // The admin heard the result once and the second click's answer once: the retry reached no handler.
    expect(textsTo(ADMIN).filter((s) => s.startsWith('张伟已离职：') || s === again)).toHaveLength(2);
    // 取消 on the same card, after the fact, does not claim that nothing was done.
    await deliver(click(ADMIN, confirm!.task_id, keys[1]!, 'RC-offboard-cancel'));
    const late = zhCN.offboarding.errors.MEMBER_ALREADY_LEFT({ name: '张伟' });
    expect(await answer(ADMIN, (s) => s === late, 'the late 取消’s answer')).toBe(late);
    expect(textsTo(ADMIN)).not.toContain(zhCN.offboarding.cancelled('张伟'));
    const audits = await t.app.models.AuditEntry.countDocuments({
      kind: 'member.leave',
      'target.id': zhangweiId,
    });
    expect(audits).toBe(1);

    // 张伟's WeCom account is nobody now, and his token is refused.
    expect((await asLeaver()).status).toBe(401);
    fake.reset();
    await say(ZHANGWEI, '/线索');
    expect(await answer(ZHANGWEI, () => true, 'the answer to the unlinked account')).toBe(
      zhCN.errors.IDENTITY_NOT_LINKED({}),
    );
    const left = await t.app.models.Member.findById(zhangweiId).lean();
    expect(left?.identities).toEqual([]);
    expect(left?.formerIdentities).toMatchObject([{ platform: 'wecom', userId: ZHANGWEI }]);

    // A rehire: a new member record given the same WeCom account owns nothing of the old one.
    await rehireOn(t, 'wecom', zhangweiId, ZHANGWEI);
    fake.reset();
    await say(ZHANGWEI, '/线索');
    expect(await answer(ZHANGWEI, () => true, 'the rehire’s list of leads')).toBe(zhCN.lead.noOpenLeads);
    await expectLeadsOwnedBy(t, codes, linaId);
  }, 180_000);
});
