import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dingtalkAdapter, outTrackIdFor } from '../../../src/adapters/dingtalk/dingtalk-adapter.js';
import { DingtalkApiError } from '../../../src/adapters/dingtalk/dingtalk-http.js';
import type { DingtalkSettings } from '../../../src/adapters/dingtalk/dingtalk-settings.js';
import type { Card } from '../../../src/chat/card.js';
import { TransientDeliveryError } from '../../../src/chat/chat-adapter.js';
import { fixedClock } from '../../../src/core/shared/clock.js';
import { testSettings } from './dingtalk-test-support.js';
import { type FakeDingtalkApi, startFakeDingtalkApi } from './fake-dingtalk-api.js';

const card: Card = {
  title: '线索：王先生',
  status: '待领取',
  fields: [{ label: '公司', value: '上海启明科技' }],
  buttons: [{ actionId: 'lead.claim', label: '领取', value: 'L-12', style: 'primary' }],
};
const DM = { kind: 'dm', userId: 'manager4220' } as const;
const GROUP = { kind: 'channel', channelId: 'cidp4GhT5kLm9QwErTy2uIoP3A==' } as const;
const WS = 'dingc7d9f3a2b1e4c5d6';

let api: FakeDingtalkApi;
let settings: DingtalkSettings;
const clock = fixedClock(new Date('2025-11-27T06:30:00Z'));

beforeEach(async () => {
  api = await startFakeDingtalkApi();
  settings = testSettings({ apiUrl: api.url });
});
afterEach(() => api.close());

const adapterFor = (s: DingtalkSettings = settings) => dingtalkAdapter(s, { clock });

describe('dingtalkAdapter.send', () => {
  it('delivers a card to a DM with createAndDeliver, the token in its header', async () => {
    const sent = await adapterFor().send(WS, DM, { card }, 'outbox-1');
    const outTrackId = outTrackIdFor(settings, 'outbox-1');
    expect(sent).toEqual({ messageRef: outTrackId });
    expect(api.calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      'POST /v1.0/oauth2/accessToken',
      'POST /v1.0/card/instances/createAndDeliver',
    ]);
    expect(api.calls[0]?.body).toEqual({ appKey: settings.clientId, appSecret: settings.clientSecret });
    const [deliver] = api.callsTo('/v1.0/card/instances/createAndDeliver');
    expect(deliver?.token).toBe('tok-1');
    expect(deliver?.body).toEqual({
      cardTemplateId: settings.cardTemplateId,
      outTrackId,
      callbackType: 'STREAM',
      cardData: {
        cardParamMap: {
          title: '线索：王先生',
          status: '待领取',
          fields: '**公司**：上海启明科技',
          markdown: '',
          buttons:
            '[{"text":"领取","actionId":"lead.claim","value":"L-12","style":"primary","color":"blue"}]',
          hasButtons: 'true',
          rev: expect.stringMatching(/^[0-9a-f]{12}$/),
        },
      },
      openSpaceId: 'dtv1.card//IM_ROBOT.manager4220',
      imRobotOpenSpaceModel: { supportForward: false },
      imRobotOpenDeliverModel: { spaceType: 'IM_ROBOT', robotCode: settings.robotCode },
      userIdType: 1,
    });
  });

  it('delivers to a group by openConversationId, with the HTTP callback route in HTTP mode', async () => {
    await adapterFor(testSettings({ apiUrl: api.url, mode: 'http' })).send(WS, GROUP, { card }, 'outbox-2');
    const body = api.callsTo('/v1.0/card/instances/createAndDeliver')[0]?.body;
    expect(body).toMatchObject({
      callbackType: 'HTTP',
      callbackRouteKey: `leadrelay_${settings.clientId}`,
      openSpaceId: 'dtv1.card//IM_GROUP.cidp4GhT5kLm9QwErTy2uIoP3A==',
      imGroupOpenSpaceModel: { supportForward: false },
      imGroupOpenDeliverModel: { robotCode: settings.robotCode },
    });
    expect(body).not.toHaveProperty('imRobotOpenDeliverModel');
  });

  it('treats a retried send as done: same outTrackId, DingTalk refuses the duplicate, one card exists', async () => {
    const adapter = adapterFor();
    const first = await adapter.send(WS, DM, { card }, 'outbox-3');
    const again = await adapter.send(WS, DM, { card }, 'outbox-3');
    expect(again).toEqual(first);
    const deliveries = api.callsTo('/v1.0/card/instances/createAndDeliver');
    expect(deliveries.map((c) => c.body.outTrackId)).toEqual([first.messageRef, first.messageRef]);
    expect(api.callsTo('/v1.0/oauth2/accessToken')).toHaveLength(1);
  });

  it('sends text through the robot message APIs: batchSend for a DM, groupMessages for a group', async () => {
    const adapter = adapterFor();
    const dm = await adapter.send(WS, DM, { text: '已领取' }, 'outbox-4');
    await adapter.send(
      WS,
      { kind: 'thread', channelId: GROUP.channelId, threadRef: 't' },
      { text: '通知' },
      'o-5',
    );
    expect(dm.messageRef).toMatch(/^pqk-/);
    expect(api.callsTo('/v1.0/robot/oToMessages/batchSend')[0]?.body).toEqual({
      robotCode: settings.robotCode,
      msgKey: 'sampleText',
      msgParam: '{"content":"已领取"}',
      userIds: ['manager4220'],
    });
    expect(api.callsTo('/v1.0/robot/groupMessages/send')[0]?.body).toEqual({
      robotCode: settings.robotCode,
      msgKey: 'sampleText',
      msgParam: '{"content":"通知"}',
      openConversationId: GROUP.channelId,
    });
  });
});

describe('dingtalkAdapter.update', () => {
  it('updates the card by its outTrackId', async () => {
    const adapter = adapterFor();
    const { messageRef } = await adapter.send(WS, DM, { card }, 'outbox-6');
    clock.advance(60_000);
    await adapter.update(WS, DM, messageRef, { card: { ...card, status: '王芳 已领取', buttons: [] } });
    const [put] = api.callsTo('/v1.0/card/instances');
    expect(put?.method).toBe('PUT');
    expect(put?.body).toMatchObject({
      outTrackId: messageRef,
      cardData: { cardParamMap: { status: '王芳 已领取', buttons: '[]', hasButtons: 'false' } },
      cardUpdateOptions: { updateCardDataByKey: true },
    });
    const sentRev = api.callsTo('/v1.0/card/instances/createAndDeliver')[0]?.body.cardData.cardParamMap.rev;
    expect(put?.body.cardData.cardParamMap.rev).not.toBe(sentRev);
  });

  it('refuses to edit a text message, which DingTalk cannot do', async () => {
    await expect(adapterFor().update(WS, DM, 'pqk-1', { text: 'x' })).rejects.toThrow(/cannot edit/);
    expect(api.calls).toHaveLength(0);
  });
});

describe('DingTalk API errors', () => {
  const createPath = '/v1.0/card/instances/createAndDeliver';
  const send = () => adapterFor().send(WS, DM, { card }, `outbox-${Math.random()}`);

  it('turns 429 into a transient error with the wait DingTalk asked for', async () => {
    api.failNext('POST', createPath, {
      status: 429,
      body: { code: 'Throttling' },
      headers: { 'retry-after': '7' },
    });
    const error = await send().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransientDeliveryError);
    expect((error as TransientDeliveryError).retryAfterMs).toBe(7000);
  });

  it('turns 5xx, errcode 90002 and an unreachable API into transient errors', async () => {
    api.failNext('POST', createPath, { status: 503, body: { code: 'system.busy' } });
    await expect(send()).rejects.toBeInstanceOf(TransientDeliveryError);
    api.failNext('POST', createPath, { status: 200, body: { errcode: 90002, errmsg: 'rate limited' } });
    await expect(send()).rejects.toBeInstanceOf(TransientDeliveryError);
    const offline = dingtalkAdapter(testSettings({ apiUrl: 'http://127.0.0.1:9' }), { clock });
    await expect(offline.send(WS, DM, { card }, 'o')).rejects.toBeInstanceOf(TransientDeliveryError);
  });

  it('turns any other refusal into a plain error that names DingTalk code', async () => {
    api.failNext('POST', createPath, {
      status: 400,
      body: { code: 'param.templateNotExist', message: '模板不存在' },
    });
    const error = await send().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DingtalkApiError);
    expect(error).not.toBeInstanceOf(TransientDeliveryError);
    expect((error as Error).message).toContain('param.templateNotExist');
  });

  it('drops a rejected token and fetches a new one on the next try', async () => {
    const adapter = adapterFor();
    await adapter.send(WS, DM, { card }, 'o-a');
    api.failNext('POST', createPath, { status: 401, body: { code: 'InvalidAuthentication' } });
    await expect(adapter.send(WS, DM, { card }, 'o-b')).rejects.toBeInstanceOf(TransientDeliveryError);
    await adapter.send(WS, DM, { card }, 'o-b');
    expect(api.callsTo(createPath).map((c) => c.token)).toEqual(['tok-1', 'tok-1', 'tok-2']);
  });

  it('keeps the token until shortly before it expires', async () => {
    const adapter = adapterFor();
    await adapter.send(WS, DM, { text: 'a' }, 'o-1');
    clock.advance(60 * 60_000);
    await adapter.send(WS, DM, { text: 'b' }, 'o-2');
    clock.advance(60 * 60_000);
    await adapter.send(WS, DM, { text: 'c' }, 'o-3');
    expect(api.callsTo('/v1.0/oauth2/accessToken')).toHaveLength(2);
  });

  it('says which settings to check when the credentials are refused, without the secret', async () => {
    api.failNext('POST', '/v1.0/oauth2/accessToken', { status: 400, body: { code: 'invalidClientSecret' } });
    const error = (await send().catch((e: unknown) => e)) as Error;
    expect(error.message).toContain('DINGTALK_CLIENT_ID/SECRET');
    expect(error.message).not.toContain(settings.clientSecret);
  });
});
