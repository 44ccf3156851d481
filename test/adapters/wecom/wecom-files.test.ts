import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { inMemoryResponseCodes } from '../../../src/adapters/wecom/response-code-store.js';
import { wecomAdapter } from '../../../src/adapters/wecom/wecom-adapter.js';
import { TransientDeliveryError } from '../../../src/chat/chat-adapter.js';
import { fixedClock } from '../../../src/core/shared/clock.js';
import { EXPORT_BYTES, EXPORT_FILE, EXPORT_NAME } from '../support/export-file.js';
import type { MultipartPart } from '../support/multipart.js';
import { FakeWecomApi, type RecordedCall, testSettings } from './fake-wecom-api.js';

// The export's file message on WeCom, against the fake qyapi: 上传临时素材 (media/upload?type=file, multipart, the
// part named `media` whose filename is what the member sees), then 发送应用消息 msgtype file with WeCom's duplicate
// check on. https://developer.work.weixin.qq.com/document/path/90253 , /90236

const fake = new FakeWecomApi();
const dm = { kind: 'dm', userId: 'WangFang' } as const;
const group = { kind: 'channel', channelId: 'CHAT-EAST' } as const;
const message = { text: '跟进记录（本月）导出完成，共 1 条', file: EXPORT_FILE };

beforeAll(async () => {
  await fake.start();
});
afterAll(async () => {
  await fake.stop();
});
beforeEach(() => fake.reset());

const partsOf = (call: RecordedCall | undefined) =>
  (call?.body as { parts?: MultipartPart[] } | undefined)?.parts ?? [];

function sender() {
  const clock = fixedClock(new Date('2026-11-27T08:00:00Z'));
  const files = wecomAdapter(testSettings(fake.url), {
    responseCodes: inMemoryResponseCodes(() => clock.now()),
    fetch,
    clock,
  }).files;
  if (!files) throw new Error('the WeCom adapter sends files in two steps');
  return files;
}

describe('WeCom file messages', () => {
  it('uploads the CSV as type=file under its Chinese name, then sends it to the member as msgtype file', async () => {
    const files = sender();
    const mediaId = await files.upload('ww1', EXPORT_FILE, EXPORT_BYTES);
    await files.post('ww1', dm, mediaId, message, false);

    const [upload] = fake.callsTo('/cgi-bin/media/upload');
    // The app's token, fetched once (gettoken), in the query string as WeCom wants.
    const token = upload?.query.access_token;
    expect(fake.callsTo('/cgi-bin/gettoken')).toHaveLength(1);
    expect(token).toMatch(/^TOKEN-/);
    expect(upload?.query.type).toBe('file');
    const parts = partsOf(upload);
    expect(parts).toHaveLength(1);
    expect(parts[0]).toMatchObject({
      name: 'media',
      filename: EXPORT_NAME,
      contentType: 'text/csv; charset=utf-8',
    });
    expect(Buffer.compare(parts[0]?.bytes ?? Buffer.alloc(0), Buffer.from(EXPORT_BYTES))).toBe(0);

    const [sent] = fake.callsTo('/cgi-bin/message/send');
    expect(sent?.query.access_token).toBe(token);
    expect(sent?.body).toEqual({
      touser: 'WangFang',
      msgtype: 'file',
      file: { media_id: mediaId },
      enable_duplicate_check: 1,
      duplicate_check_interval: 14_400,
      agentid: 1000002,
    });
    expect(fake.delivered).toHaveLength(1);
  });

  it('is shown once when a retry posts the same upload again: the same JSON falls in WeCom’s duplicate check', async () => {
    const files = sender();
    const mediaId = await files.upload('ww1', EXPORT_FILE, EXPORT_BYTES);
    await files.post('ww1', dm, mediaId, message, false);
    await files.post('ww1', dm, mediaId, message, true);

    expect(fake.callsTo('/cgi-bin/media/upload')).toHaveLength(1);
    expect(fake.callsTo('/cgi-bin/message/send')).toHaveLength(2);
    expect(fake.delivered).toHaveLength(1);
  });

  it('sends a group’s file through appchat/send', async () => {
    const files = sender();
    const mediaId = await files.upload('ww1', EXPORT_FILE, EXPORT_BYTES);
    await files.post('ww1', group, mediaId, message, false);
    expect(fake.callsTo('/cgi-bin/appchat/send')[0]?.body).toEqual({
      chatid: 'CHAT-EAST',
      msgtype: 'file',
      file: { media_id: mediaId },
    });
  });

  it('keeps a file name WeCom would refuse (a leading "/", a ":") readable', async () => {
    await sender().upload('ww1', { ...EXPORT_FILE, name: '/跟进:记录.csv' }, EXPORT_BYTES);
    const parts = partsOf(fake.callsTo('/cgi-bin/media/upload')[0]);
    expect(parts[0]?.filename).toBe('跟进-记录.csv');
  });

  it('fetches a new token once when the upload finds it expired, and uploads with it', async () => {
    const files = sender();
    await files.upload('ww1', EXPORT_FILE, EXPORT_BYTES);
    fake.expireTokens();
    await files.upload('ww1', EXPORT_FILE, EXPORT_BYTES);
    const [first, refused, fresh] = fake.callsTo('/cgi-bin/media/upload').map((c) => c.query.access_token);
    expect(refused).toBe(first);
    expect(fresh).not.toBe(first);
    expect(fake.callsTo('/cgi-bin/gettoken')).toHaveLength(2);
  });

  it('raises WeCom’s busy answer as a retry and an unknown media_id as a plain error', async () => {
    const files = sender();
    fake.script('/cgi-bin/media/upload', { json: { errcode: -1, errmsg: 'system busy' } });
    await expect(files.upload('ww1', EXPORT_FILE, EXPORT_BYTES)).rejects.toBeInstanceOf(
      TransientDeliveryError,
    );
    const refused = await files.post('ww1', dm, 'MEDIA-never', message, false).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(Error);
    expect(refused).not.toBeInstanceOf(TransientDeliveryError);
    expect(fake.delivered).toHaveLength(0);
  });
});
