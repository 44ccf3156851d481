import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { inMemoryResponseCodes } from '../../../src/adapters/wecom/response-code-store.js';
import { WECOM_IMAGE_MAX_BYTES, wecomAdapter } from '../../../src/adapters/wecom/wecom-adapter.js';
import type { Card } from '../../../src/chat/card.js';
import { ImageUploadError } from '../../../src/chat/card-images.js';
import { emptyChart } from '../../../src/chat/charts/index.js';
import { fixedClock } from '../../../src/core/shared/clock.js';
import { FakeWecomApi, testSettings } from './fake-wecom-api.js';

const fake = new FakeWecomApi();
const dm = { kind: 'dm', userId: 'WangFang' } as const;
const group = { kind: 'channel', channelId: 'CHAT-EAST' } as const;
const ALT = '本周销售漏斗：本周没有数据';
let card: Card;

beforeAll(async () => {
  await fake.start();
  card = {
    title: '本周周报',
    fields: [],
    markdown: '华东一组',
    images: [emptyChart('本周销售漏斗', 'zh-CN')],
    buttons: [],
  };
});
afterAll(async () => {
  await fake.stop();
});
beforeEach(() => fake.reset());

function adapter() {
  const clock = fixedClock(new Date('2025-06-01T08:00:00Z'));
  return wecomAdapter(testSettings(fake.url), {
    responseCodes: inMemoryResponseCodes(() => clock.now()),
    fetch,
    clock,
  });
}
const paths = () => fake.calls.map((c) => c.path).filter((p) => p !== '/cgi-bin/gettoken');

describe('WeCom images', () => {
  it('uploads the image as temporary media, sends the card, then an image message to the member', async () => {
    await adapter().send('corp', dm, { card }, 'k1');

    expect(paths()).toEqual(['/cgi-bin/media/upload', '/cgi-bin/message/send', '/cgi-bin/message/send']);
    const [upload] = fake.callsTo('/cgi-bin/media/upload');
    expect(upload?.query.type).toBe('image');
    expect(upload?.body).toMatchObject({ hasPng: true, named: true });
    const [, image] = fake.callsTo('/cgi-bin/message/send');
    expect(image?.body).toEqual({
      touser: 'WangFang',
      msgtype: 'image',
      image: { media_id: expect.stringMatching(/^MEDIA-\d+$/) },
      agentid: 1000002,
    });
  });

  it('sends the image to an app group chat after the card', async () => {
    await adapter().send('corp', group, { card }, 'k2');
    expect(paths()).toEqual(['/cgi-bin/media/upload', '/cgi-bin/appchat/send', '/cgi-bin/appchat/send']);
    expect(fake.callsTo('/cgi-bin/appchat/send')[1]?.body).toEqual({
      chatid: 'CHAT-EAST',
      msgtype: 'image',
      image: { media_id: expect.stringMatching(/^MEDIA-\d+$/) },
    });
  });

  it('sends nothing when the upload fails, and says so with a retryable ImageUploadError', async () => {
    fake.script('/cgi-bin/media/upload', { json: { errcode: 40005, errmsg: 'invalid file type' } });
    await expect(adapter().send('corp', dm, { card }, 'k3')).rejects.toBeInstanceOf(ImageUploadError);
    expect(fake.callsTo('/cgi-bin/message/send')).toHaveLength(0);
  });

  it('shows an image over the 10 MB limit as its alt text, without trying to upload it', async () => {
    const big = { ...card.images![0]!, png: new Uint8Array(WECOM_IMAGE_MAX_BYTES + 1) };
    await adapter().send('corp', dm, { card: { ...card, images: [big] } }, 'k4');

    expect(paths()).toEqual(['/cgi-bin/message/send']);
    const [sent] = fake.callsTo('/cgi-bin/message/send');
    expect(JSON.stringify(sent?.body)).toContain(ALT);
  });
});
