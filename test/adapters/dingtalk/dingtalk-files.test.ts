import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dingtalkAdapter } from '../../../src/adapters/dingtalk/dingtalk-adapter.js';
import type { DingtalkSettings } from '../../../src/adapters/dingtalk/dingtalk-settings.js';
import { TransientDeliveryError } from '../../../src/chat/chat-adapter.js';
import { fixedClock } from '../../../src/core/shared/clock.js';
import { EXPORT_BYTES, EXPORT_FILE, EXPORT_NAME } from '../support/export-file.js';
import type { MultipartPart } from '../support/multipart.js';
import { testSettings } from './dingtalk-test-support.js';
import { type FakeDingtalkApi, startFakeDingtalkApi } from './fake-dingtalk-api.js';

// The export's file message on DingTalk, against the fake OpenAPI: media/upload on the old host (multipart, the
// file part named `media`, type=file), then the robot's sampleFile message (msgParam mediaId, fileName, fileType)
// to the user's 1:1 chat. https://open.dingtalk.com/document/orgapp/upload-media-files ,
// https://open.dingtalk.com/document/orgapp/types-of-messages-sent-by-robots

const DM = { kind: 'dm', userId: 'manager0342' } as const;
const clock = fixedClock(new Date('2026-11-27T06:30:00Z'));
let api: FakeDingtalkApi;
let settings: DingtalkSettings;

beforeEach(async () => {
  api = await startFakeDingtalkApi();
  settings = testSettings({ apiUrl: api.url, oapiUrl: api.url });
});
afterEach(() => api.close());

const sender = () => {
  const files = dingtalkAdapter(settings, { clock }).files;
  if (!files) throw new Error('the DingTalk adapter sends files in two steps');
  return files;
};
const message = { text: '跟进记录（本月）导出完成，共 1 条', file: EXPORT_FILE };

describe('DingTalk file messages', () => {
  it('uploads the CSV as media of type file under its Chinese name, then sends it as a robot sampleFile', async () => {
    const files = sender();
    const mediaId = await files.upload('ding1', EXPORT_FILE, EXPORT_BYTES);
    await files.post('ding1', DM, mediaId, message, false);

    expect(api.calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      'POST /v1.0/oauth2/accessToken',
      'POST /media/upload',
      'POST /v1.0/robot/oToMessages/batchSend',
    ]);
    const [upload] = api.callsTo('/media/upload');
    // The app's access token, in the query string as this old-style API wants.
    expect(upload?.token).toBe('tok-1');
    expect(upload?.body.type).toBe('file');
    const parts = upload?.body.parts as MultipartPart[];
    expect(parts.map((p) => p.name)).toEqual(['type', 'media']);
    expect(parts[0]?.bytes.toString()).toBe('file');
    expect(parts[1]).toMatchObject({ filename: EXPORT_NAME, contentType: 'text/csv; charset=utf-8' });
    expect(Buffer.compare(parts[1]?.bytes ?? Buffer.alloc(0), Buffer.from(EXPORT_BYTES))).toBe(0);

    const [sent] = api.callsTo('/v1.0/robot/oToMessages/batchSend');
    expect(sent?.token).toBe('tok-1');
    expect(sent?.body).toEqual({
      robotCode: settings.robotCode,
      msgKey: 'sampleFile',
      msgParam: JSON.stringify({ mediaId, fileName: EXPORT_NAME, fileType: 'csv' }),
      userIds: [DM.userId],
    });
  });

  it('reuses the kept media on a retry: no second upload', async () => {
    const files = sender();
    const mediaId = await files.upload('ding1', EXPORT_FILE, EXPORT_BYTES);
    await files.post('ding1', DM, mediaId, message, true);
    expect(api.callsTo('/media/upload')).toHaveLength(1);
    expect(JSON.parse(api.callsTo('/v1.0/robot/oToMessages/batchSend')[0]?.body.msgParam).mediaId).toBe(
      mediaId,
    );
  });

  it('fails the upload with a retryable error when DingTalk refuses the media, and sends nothing', async () => {
    api.failNext('POST', '/media/upload', {
      status: 200,
      body: { errcode: 40006, errmsg: '不合法的文件长度' },
    });
    await expect(sender().upload('ding1', EXPORT_FILE, EXPORT_BYTES)).rejects.toBeInstanceOf(
      TransientDeliveryError,
    );
    expect(api.callsTo('/v1.0/robot/oToMessages/batchSend')).toHaveLength(0);
  });

  it('asks for a retry a minute later when DingTalk throttles the message to this user', async () => {
    const files = sender();
    const mediaId = await files.upload('ding1', EXPORT_FILE, EXPORT_BYTES);
    api.failNext('POST', '/v1.0/robot/oToMessages/batchSend', {
      status: 200,
      body: { processQueryKey: 'pqk-x', flowControlledStaffIdList: [DM.userId] },
    });
    const failed = await files.post('ding1', DM, mediaId, message, false).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(TransientDeliveryError);
    expect((failed as TransientDeliveryError).retryAfterMs).toBe(60_000);
  });

  it('raises DingTalk’s refusal of the message (a media id it does not know) for the outbox to retry', async () => {
    await expect(sender().post('ding1', DM, '@never-uploaded', message, false)).rejects.toThrow();
  });
});
