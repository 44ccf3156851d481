import { expect } from 'vitest';
import { encryptPayload, signEncrypted } from '../../../src/adapters/wecom/wecom-crypto.js';
import { FakeWecomApi, type RecordedCall } from '../../adapters/wecom/fake-wecom-api.js';
import { VECTOR_A_KEYS } from '../../fixtures/wecom/vector-keys.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import {
  assignedStatus,
  BUTTONS_ASSIGNED,
  BUTTONS_CLAIMED,
  CALLBACK_TIMEOUT_MS,
  CLAIMED_REPLY,
  claimedStatus,
  nowSeconds,
  type PlatformDriver,
} from './story.js';

const AGENT_ID = 1000002;
/** The one-time code WeCom puts on the click; the card update must spend this one (the newest). */
const CLICK_CODE = 'RC-click-e2e';

type TemplateCard = {
  main_title: { title: string };
  sub_title_text?: string;
  horizontal_content_list?: { keyname: string; value: string }[];
  task_id: string;
  button_list: { key: string }[];
};
const key = (c: RecordedCall) => `${c.method} ${c.path}`;
// biome-ignore lint/suspicious/noExplicitAny: recorded JSON bodies
const bodyOf = (c: RecordedCall | undefined) => (c?.body ?? {}) as any;
const cardOf = (c: RecordedCall | undefined) => bodyOf(c).template_card as TemplateCard | undefined;
const keysOf = (c: RecordedCall | undefined) => cardOf(c)?.button_list.map((b) => b.key);
const phoneOf = (c: RecordedCall | undefined) =>
  cardOf(c)?.horizontal_content_list?.find((f) => f.keyname === '手机')?.value;

/** What the complaint intake (complaint-intake.test.ts) does on WeCom beyond the lead story's steps. */
export type WecomComplaintSteps = {
  readonly api: () => FakeWecomApi;
  /** A button (its key) on the card `taskId` clicked by `userId`, with the one-time code WeCom puts on a click. */
  clickCard(t: TestApp, userId: string, taskId: string, key: string, code: string): Promise<void>;
};

/** WeCom (self-built app): encrypted XML callbacks at POST /wecom/callback, server API calls to a local fake. */
export function wecomDriver(): PlatformDriver & WecomComplaintSteps {
  let fake: FakeWecomApi;
  let taskId = '';

  return {
    api: () => fake,
    async clickCard(t, userId, task, key, code) {
      t.app.clock.advance(1_000);
      await postEncrypted(t, clickXml(t, userId, key, task, code));
    },
    // Callbacks name the corp id, so it is the org's workspace.
    workspace: { platform: 'wecom', workspaceId: VECTOR_A_KEYS.corpId, channelId: 'wrEastSalesChat' },
    async start() {
      fake = await new FakeWecomApi().start();
      return startTestApp({
        platforms: {
          enabled: ['wecom'],
          env: {
            WECOM_CORP_ID: VECTOR_A_KEYS.corpId,
            WECOM_AGENT_ID: String(AGENT_ID),
            WECOM_SECRET: 'e2e-app-secret',
            WECOM_TOKEN: VECTOR_A_KEYS.token,
            WECOM_ENCODING_AES_KEY: VECTOR_A_KEYS.encodingAesKey,
            WECOM_API_URL: fake.url,
          },
          publicUrl: 'https://leadrelay.example',
        },
      });
    },
    userIdFor: (_memberId, index) => `EastRep${index + 1}`,
    hasCard: async () => fake.callsTo('/cgi-bin/message/send').length > 0,

    async expectCard(_t, { lead, owner }) {
      expect(fake.calls.map(key)).toEqual(['GET /cgi-bin/gettoken', 'POST /cgi-bin/message/send']);
      expect(fake.calls[0]?.query).toEqual({ corpid: VECTOR_A_KEYS.corpId, corpsecret: 'e2e-app-secret' });
      const send = fake.calls[1];
      expect(send?.query.access_token).toBe('TOKEN-1');
      expect(bodyOf(send)).toMatchObject({
        touser: owner.userId,
        agentid: AGENT_ID,
        msgtype: 'template_card',
      });
      expect(cardOf(send)).toMatchObject({
        card_type: 'button_interaction',
        main_title: { title: `新线索：${lead.name}` },
        sub_title_text: assignedStatus(owner.name),
        task_id: expect.stringMatching(/^lr_[0-9a-f]{32}$/),
      });
      expect(phoneOf(send)).toBe('139****5678');
      expect(keysOf(send)).toEqual(BUTTONS_ASSIGNED.map((a) => `${a}|${lead.id}`));
      taskId = cardOf(send)?.task_id ?? '';
    },

    async clickClaim(t, { lead, owner }) {
      await postEncrypted(t, clickXml(t, owner.userId, `lead.claim|${lead.id}`, taskId, CLICK_CODE));
    },

    hasUpdate: async () =>
      fake.callsTo('/cgi-bin/message/update_template_card').length > 0 &&
      fake.callsTo('/cgi-bin/message/send').length > 1,

    async expectUpdate(_t, { lead, owner }) {
      const after = fake.calls.slice(2);
      expect(after.map(key).sort()).toEqual([
        'POST /cgi-bin/message/send',
        'POST /cgi-bin/message/update_template_card',
      ]);
      const update = fake.callsTo('/cgi-bin/message/update_template_card')[0];
      // The click's code (not the older one from message/send) changes the owner's copy of the same card.
      expect(bodyOf(update)).toMatchObject({
        userids: [owner.userId],
        agentid: AGENT_ID,
        response_code: CLICK_CODE,
      });
      expect(cardOf(update)).toMatchObject({ task_id: taskId, sub_title_text: claimedStatus(owner.name) });
      expect(phoneOf(update)).toBe(lead.phone);
      expect(keysOf(update)).toEqual(BUTTONS_CLAIMED.map((a) => `${a}|${lead.id}`));
      expect(bodyOf(fake.callsTo('/cgi-bin/message/send')[1])).toEqual({
        touser: owner.userId,
        agentid: AGENT_ID,
        msgtype: 'text',
        text: { content: CLAIMED_REPLY },
      });
    },
    async clickFollowUp(t, { lead, owner }) {
      // A second later than the claim: WeCom's event id is the user, the time and the key clicked.
      t.app.clock.advance(1_000);
      await postEncrypted(t, clickXml(t, owner.userId, `lead.follow_up|${lead.id}`, taskId, 'RC-follow-up'));
    },
    async say(t, { owner }, text) {
      // 接收普通消息 (text): https://developer.work.weixin.qq.com/document/path/90239
      const xml =
        `<xml><ToUserName><![CDATA[${VECTOR_A_KEYS.corpId}]]></ToUserName>` +
        `<FromUserName><![CDATA[${owner.userId}]]></FromUserName><CreateTime>${nowSeconds(t)}</CreateTime>` +
        `<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[${text}]]></Content>` +
        `<MsgId>${7_000_000_000_000_000_000n + BigInt(++sent)}</MsgId><AgentID>${AGENT_ID}</AgentID></xml>`;
      await postEncrypted(t, xml);
    },
    answers: async () =>
      fake
        .callsTo('/cgi-bin/message/send')
        .filter((c) => bodyOf(c).msgtype === 'text')
        .map((c) => String(bodyOf(c).text?.content ?? '')),
    close: () => fake.stop(),
  };
}

let sent = 0;
let posts = 0;

// 模板卡片事件 template_card_event: https://developer.work.weixin.qq.com/document/path/90240
function clickXml(t: TestApp, userId: string, eventKey: string, taskId: string, code: string): string {
  return (
    `<xml><ToUserName><![CDATA[${VECTOR_A_KEYS.corpId}]]></ToUserName>` +
    `<FromUserName><![CDATA[${userId}]]></FromUserName><CreateTime>${nowSeconds(t)}</CreateTime>` +
    '<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[template_card_event]]></Event>' +
    `<EventKey><![CDATA[${eventKey}]]></EventKey><TaskId><![CDATA[${taskId}]]></TaskId>` +
    '<CardType><![CDATA[button_interaction]]></CardType>' +
    `<ResponseCode><![CDATA[${code}]]></ResponseCode><AgentID>${AGENT_ID}</AgentID></xml>`
  );
}

/** Encrypts and signs a callback as WeCom does, posts it, and expects the empty 200 of an async answer. */
async function postEncrypted(t: TestApp, xml: string): Promise<void> {
  // Signed with the real time: the signature's window is checked on a clock the story cannot move (the task story
  // moves the app's clock by hours); the payload's CreateTime stays on the app's clock.
  const createTime = String(Math.floor(Date.now() / 1000));
  const encrypted = encryptPayload(VECTOR_A_KEYS, xml);
  const nonce = String(73519264 + posts++);
  const query = new URLSearchParams({
    msg_signature: signEncrypted(VECTOR_A_KEYS.token, createTime, nonce, encrypted),
    timestamp: createTime,
    nonce,
  });
  const envelope =
    `<xml><ToUserName><![CDATA[${VECTOR_A_KEYS.corpId}]]></ToUserName>` +
    `<AgentID><![CDATA[${AGENT_ID}]]></AgentID><Encrypt><![CDATA[${encrypted}]]></Encrypt></xml>`;
  const response = await fetch(`${t.baseUrl}/wecom/callback?${query}`, {
    method: 'POST',
    headers: { 'content-type': 'text/xml' },
    body: envelope,
    signal: AbortSignal.timeout(CALLBACK_TIMEOUT_MS),
  });
  expect(response.status).toBe(200);
  expect(await response.text()).toBe('');
}
