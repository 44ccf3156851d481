import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { slackAdapter } from '../../../src/adapters/slack/slack-adapter.js';
import type { Card } from '../../../src/chat/card.js';
import { ImageUploadError, withAltText } from '../../../src/chat/card-images.js';
import { emptyChart } from '../../../src/chat/charts/index.js';
import { type FakeSlackApi, startFakeSlackApi } from './support/fake-slack-api.js';
import { slackSettingsFor } from './support/slack-settings-for.js';

let api: FakeSlackApi;
let card: Card;
beforeAll(async () => {
  api = await startFakeSlackApi();
  const chart = emptyChart('本周销售漏斗', 'zh-CN');
  card = {
    title: '本周周报',
    fields: [],
    markdown: '**团队** 华东一组',
    images: [chart],
    buttons: [{ actionId: 'report.open', label: '查看', value: 'w48' }],
  };
});
afterAll(() => api.close());
beforeEach(() => {
  api.calls.length = 0;
});

const adapter = () => slackAdapter(slackSettingsFor(api.apiUrl));
const channel = { kind: 'channel', channelId: 'C1' } as const;

describe('Slack images', () => {
  it('uploads each image through the external upload flow, then posts the card with an image block', async () => {
    await adapter().send('T1', channel, { card }, 'k1');

    expect(api.calls.map((c) => c.method)).toEqual([
      'files.getUploadURLExternal',
      'upload',
      'files.completeUploadExternal',
      'chat.postMessage',
    ]);
    const png = card.images?.[0]?.png;
    const [asked] = api.callsTo('files.getUploadURLExternal');
    expect(asked?.params).toMatchObject({ filename: 'chart-1.png', length: String(png?.byteLength) });
    const fileId = api.callsTo('upload')[0]?.params.fileId;
    expect(api.callsTo('upload')[0]?.params).toMatchObject({
      bytes: png?.byteLength,
      contentType: 'image/png',
    });
    expect(api.callsTo('files.completeUploadExternal')[0]?.params.files).toEqual([
      { id: fileId, title: '本周销售漏斗：本周没有数据' },
    ]);
    // Completed without a channel: the picture is shown by the card alone, not as a second message.
    expect(api.callsTo('files.completeUploadExternal')[0]?.params.channel_id).toBeUndefined();
    const blocks = api.callsTo('chat.postMessage')[0]?.params.blocks as { type: string }[];
    expect(blocks.map((b) => b.type)).toEqual(['header', 'section', 'image', 'actions']);
    expect(blocks[2]).toEqual({
      type: 'image',
      slack_file: { id: fileId },
      alt_text: '本周销售漏斗：本周没有数据',
    });
  });

  it('posts nothing when an upload fails, and says so with a retryable ImageUploadError', async () => {
    api.failNext('upload', { status: 500 });
    const sent = adapter().send('T1', channel, { card }, 'k2');
    await expect(sent).rejects.toBeInstanceOf(ImageUploadError);
    expect(api.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('treats a refused upload URL request the same way', async () => {
    api.failNext('files.getUploadURLExternal', {
      status: 200,
      body: { ok: false, error: 'invalid_arguments' },
    });
    await expect(adapter().send('T1', channel, { card }, 'k3')).rejects.toBeInstanceOf(ImageUploadError);
    expect(api.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('sends the card with the alt text in place of the image when the outbox gives the images up', async () => {
    await adapter().send('T1', channel, withAltText({ card }), 'k4');

    expect(api.callsTo('files.getUploadURLExternal')).toHaveLength(0);
    const blocks = api.callsTo('chat.postMessage')[0]?.params.blocks as {
      type: string;
      text?: { text: string };
    }[];
    expect(blocks.map((b) => b.type)).toEqual(['header', 'section', 'actions']);
    expect(blocks[1]?.text?.text).toBe('*团队* 华东一组\n\n本周销售漏斗：本周没有数据');
  });

  it("uploads the new rendition's images on an update", async () => {
    await adapter().update('T1', channel, 'C1:1718000000.000100', { card });
    expect(api.calls.map((c) => c.method)).toEqual([
      'files.getUploadURLExternal',
      'upload',
      'files.completeUploadExternal',
      'chat.update',
    ]);
  });
});
