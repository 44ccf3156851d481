import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encryptPayload, signEncrypted } from '../../../src/adapters/wecom/wecom-crypto.js';
import { zhCN } from '../../../src/chat/texts/zh-cn.js';
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
let phone = 13900085000;
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

type Member = { id: string; name: string };
type Sent = {
  touser?: string;
  msgtype?: string;
  text?: { content?: string };
  template_card?: { task_id: string; main_title: { title: string }; button_list: { key: string }[] };
};
const named = async (name: string) =>
  ((await api(t, 'GET', '/members')).body.members as Member[]).find((m) => m.name === name)!;
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

/** Until the outbox has delivered everything queued (its pacing holds a member's next message back a while). */
const settled = () =>
  pumpUntil(
    t,
    async () =>
      (await t.app.models.OutboxEntry.countDocuments({ status: { $in: ['pending', 'sending'] } })) === 0,
    'every queued message',
  );

async function leadsOwnedBy(name: string, n: number): Promise<string[]> {
  const codes: string[] = [];
  for (let i = 0; i < n; i++) {
    const made = await api(t, 'POST', '/leads', {
      phone: String(++phone),
      region: '上海',
      source: 'website',
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const moved = await api(t, 'POST', `/leads/${made.body.lead.code}:assign`, { to: name, force: true });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    codes.push(made.body.lead.code);
  }
  return codes;
}

describe('WeCom: /成员 离职 张伟 交接给 李娜, confirmed on the card', () => {
  it('hands over in one message, unlinks and revokes, ignores the retry, and gives a rehire nothing', async () => {
    const [admin, lina, zhangwei] = [await named('周建国'), await named('李娜'), await named('张伟')];
    for (const [member, userId] of [
      [admin, ADMIN],
      [lina, LINA],
      [zhangwei, ZHANGWEI],
    ] as const) {
      const identities = [{ platform: 'wecom', userId }];
      const put = await api(t, 'PUT', `/members/${member.id}/identities`, { identities });
      expect(put.status, JSON.stringify(put.body)).toBe(200);
    }
    const codes = await leadsOwnedBy('张伟', 3);
    const open = await t.app.models.Lead.countDocuments({
      ownerId: new Types.ObjectId(zhangwei.id),
      status: { $in: ['assigned', 'claimed'] },
    });
    expect(open).toBeGreaterThanOrEqual(3);
    const token = await api(t, 'POST', `/members/${zhangwei.id}/tokens`, {});
    expect(token.status, JSON.stringify(token.body)).toBe(201);
    const asLeaver = () =>
      t.request('GET', '/api/v1/leads', undefined, { authorization: `Bearer ${token.body.secret}` });
    expect((await asLeaver()).status).toBe(200);
    // Before: 张伟's WeCom account is 张伟, and /线索 lists his leads.
    await say(ZHANGWEI, '/线索');
    const before = await answer(ZHANGWEI, (s) => s.includes(codes[0]!), '张伟’s list of leads');
    for (const code of codes) expect(before).toContain(code);
    // The set-up's own notices (the reassignments) are paced per member: all out before the count starts.
    await settled();
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
    expect((await t.app.models.Member.findById(zhangwei.id).lean())?.active).toBe(true);

    const yes = click(ADMIN, confirm!.task_id, keys[0]!, 'RC-offboard-yes');
    await deliver(yes);
    const done = await answer(ADMIN, (s) => s.startsWith('张伟已离职：'), 'the result');
    expect(done).toContain(`${open} 条线索已交给李娜`);
    await pumpUntil(t, async () => to(LINA).length > 0, 'the hand-over message');
    for (const code of codes) {
      const lead = (await api(t, 'GET', `/leads/${code}`)).body.lead;
      expect(lead).toMatchObject({ ownerId: lina.id, status: 'claimed' });
    }

    // WeCom retries the same callback, then the admin clicks 确认 again a second later (a new event).
    await deliver(yes);
    await deliver(click(ADMIN, confirm!.task_id, keys[0]!, 'RC-offboard-again'));
    const again = await answer(ADMIN, (s) => !s.startsWith('张伟已离职：'), 'the second click’s answer');
    expect(again).toBe(zhCN.offboarding.errors.MEMBER_ALREADY_LEFT({ name: '张伟', byName: '周建国' }));
    await settled();
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
      'target.id': zhangwei.id,
    });
    expect(audits).toBe(1);

    // 张伟's WeCom account is nobody now, and his token is refused.
    expect((await asLeaver()).status).toBe(401);
    fake.reset();
    await say(ZHANGWEI, '/线索');
    expect(await answer(ZHANGWEI, () => true, 'the answer to the unlinked account')).toBe(
      zhCN.errors.IDENTITY_NOT_LINKED({}),
    );
    const left = await t.app.models.Member.findById(zhangwei.id).lean();
    expect(left?.identities).toEqual([]);
    expect(left?.formerIdentities).toMatchObject([{ platform: 'wecom', userId: ZHANGWEI }]);

    // A rehire: a new member record given the same WeCom account owns nothing of the old one.
    const rehire = await rehireOf(zhangwei.id);
    const linked = await api(t, 'PUT', `/members/${rehire}/identities`, {
      identities: [{ platform: 'wecom', userId: ZHANGWEI }],
    });
    expect(linked.status, JSON.stringify(linked.body)).toBe(200);
    fake.reset();
    await say(ZHANGWEI, '/线索');
    expect(await answer(ZHANGWEI, () => true, 'the rehire’s list of leads')).toBe(zhCN.lead.noOpenLeads);
    for (const code of codes) {
      const lead = (await api(t, 'GET', `/leads/${code}`)).body.lead;
      expect(lead.ownerId).toBe(lina.id);
    }
  }, 180_000);
});

/** There is no API to add a member (they come from the seed or an import): the record is inserted as an import does. */
async function rehireOf(leaverId: string): Promise<string> {
  const old = await t.app.models.Member.findById(leaverId).lean();
  const id = new Types.ObjectId();
  await t.app.models.Member.collection.insertOne({
    _id: id,
    orgId: new Types.ObjectId(t.orgId),
    name: '张伟',
    roles: ['rep'],
    level: 'junior',
    ...(old?.teamId ? { teamId: old.teamId } : {}),
    availability: 'available',
    active: true,
    identities: [],
  });
  return id.toHexString();
}
