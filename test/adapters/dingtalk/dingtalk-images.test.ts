import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dingtalkAdapter } from '../../../src/adapters/dingtalk/dingtalk-adapter.js';
import type { DingtalkSettings } from '../../../src/adapters/dingtalk/dingtalk-settings.js';
import type { Card } from '../../../src/chat/card.js';
import { ImageUploadError, withAltText } from '../../../src/chat/card-images.js';
import { emptyChart } from '../../../src/chat/charts/index.js';
import { fixedClock } from '../../../src/core/shared/clock.js';
import { testSettings } from './dingtalk-test-support.js';
import { type FakeDingtalkApi, startFakeDingtalkApi } from './fake-dingtalk-api.js';

const GROUP = { kind: 'channel', channelId: 'cidp4GhT5kLm9QwErTy2uIoP3A==' } as const;
const WS = 'dingc7d9f3a2b1e4c5d6';
const ALT = '本周销售漏斗：本周没有数据';

let api: FakeDingtalkApi;
let settings: DingtalkSettings;
let card: Card;
const clock = fixedClock(new Date('2025-11-27T06:30:00Z'));

beforeAll(() => {
  card = {
    title: '本周周报',
    fields: [],
    markdown: '华东一组',
    images: [emptyChart('本周销售漏斗', 'zh-CN')],
    buttons: [],
  };
});
beforeEach(async () => {
  api = await startFakeDingtalkApi();
  settings = testSettings({ apiUrl: api.url, oapiUrl: api.url });
});
afterEach(() => api.close());

const send = (c: Card, key: string) => dingtalkAdapter(settings, { clock }).send(WS, GROUP, { card: c }, key);

describe('DingTalk images', () => {
  it('uploads each image as media, delivers the card, then shows the image as a robot image message', async () => {
    await send(card, 'k1');

    expect(api.calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      'POST /v1.0/oauth2/accessToken',
      'POST /media/upload',
      'POST /v1.0/card/instances/createAndDeliver',
      'POST /v1.0/robot/groupMessages/send',
    ]);
    const [upload] = api.callsTo('/media/upload');
    expect(upload?.token).toBe('tok-1');
    expect(upload?.body).toMatchObject({ type: 'image', hasPng: true });
    expect(upload?.body.bytes).toBeGreaterThan(card.images?.[0]?.png.byteLength ?? 0);
    const [image] = api.callsTo('/v1.0/robot/groupMessages/send');
    expect(image?.body).toEqual({
      robotCode: settings.robotCode,
      msgKey: 'sampleImageMsg',
      msgParam: JSON.stringify({ photoURL: '@media-2' }),
      openConversationId: GROUP.channelId,
    });
    // The card itself does not repeat the picture's numbers: the image follows it.
    const [deliver] = api.callsTo('/v1.0/card/instances/createAndDeliver');
    expect(deliver?.body.cardData.cardParamMap.markdown).toBe('华东一组');
  });

  it('shows nothing when the upload fails, and says so with a retryable ImageUploadError', async () => {
    api.failNext('POST', '/media/upload', {
      status: 200,
      body: { errcode: 40004, errmsg: '不合法的媒体文件类型' },
    });
    await expect(send(card, 'k2')).rejects.toBeInstanceOf(ImageUploadError);
    expect(api.callsTo('/v1.0/card/instances/createAndDeliver')).toHaveLength(0);

    // The outbox's retry goes through.
    await send(card, 'k2');
    expect(api.callsTo('/v1.0/card/instances/createAndDeliver')).toHaveLength(1);
    expect(api.callsTo('/v1.0/robot/groupMessages/send')).toHaveLength(1);
  });

  it('delivers the card with the alt text in place when the outbox gives the images up', async () => {
    await send(withAltText({ card }).card!, 'k3');

    expect(api.callsTo('/media/upload')).toHaveLength(0);
    expect(api.callsTo('/v1.0/robot/groupMessages/send')).toHaveLength(0);
    const [deliver] = api.callsTo('/v1.0/card/instances/createAndDeliver');
    expect(deliver?.body.cardData.cardParamMap.markdown).toBe(`华东一组\n\n${ALT}`);
  });
});
