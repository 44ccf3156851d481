import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { slackAdapter } from '../../../src/adapters/slack/slack-adapter.js';
import { TransientDeliveryError } from '../../../src/chat/chat-adapter.js';
import { EXPORT_BYTES, EXPORT_FILE, EXPORT_NAME } from '../support/export-file.js';
import { type FakeSlackApi, startFakeSlackApi } from './support/fake-slack-api.js';
import { slackSettingsFor } from './support/slack-settings-for.js';

// The export's file message on Slack, against the fake Web API: the external upload flow as documented
// (files.getUploadURLExternal → POST the bytes → files.completeUploadExternal with channel_id), its error paths,
// and the retry that finds the file already shared.

let api: FakeSlackApi;
beforeAll(async () => {
  api = await startFakeSlackApi();
});
afterAll(() => api.close());
beforeEach(() => {
  api.calls.length = 0;
});

const adapter = () => slackAdapter(slackSettingsFor(api.apiUrl));
const dm = { kind: 'dm', userId: 'U0REP' } as const;
const TEXT = '跟进记录（本月）导出完成，共 1 条';
const message = { text: TEXT, file: EXPORT_FILE };

async function upload() {
  const files = adapter().files;
  if (!files) throw new Error('the Slack adapter sends files in two steps');
  return { files, ref: await files.upload('T1', EXPORT_FILE, EXPORT_BYTES) };
}

describe('Slack file messages', () => {
  it('uploads the bytes as they are under the Chinese name, then shares them into the DM with the text', async () => {
    const { files, ref } = await upload();
    await files.post('T1', dm, ref, message, false);

    expect(api.calls.map((c) => c.method)).toEqual([
      'files.getUploadURLExternal',
      'upload',
      'conversations.open',
      'files.completeUploadExternal',
    ]);
    const [asked] = api.callsTo('files.getUploadURLExternal');
    expect(asked?.params).toMatchObject({ filename: EXPORT_NAME, length: String(EXPORT_BYTES.byteLength) });
    expect(asked?.authorization).toBe('Bearer xoxb-test-token');
    const [put] = api.callsTo('upload');
    expect(put?.params.fileId).toBe(ref);
    expect(put?.params.contentType).toBe('text/csv; charset=utf-8');
    // The upload URL is Slack's own (pre-signed): the bot token is not sent to it.
    expect(put?.authorization).toBeUndefined();
    expect(Buffer.compare(put?.params.body as Buffer, Buffer.from(EXPORT_BYTES))).toBe(0);
    const [completed] = api.callsTo('files.completeUploadExternal');
    expect(completed?.params).toMatchObject({
      files: [{ id: ref, title: EXPORT_NAME }],
      channel_id: 'DU0REP',
      initial_comment: TEXT,
    });
  });

  it('does not share the file again on a retry when the crashed try had shared it already', async () => {
    const { files, ref } = await upload();
    await files.post('T1', dm, ref, message, false);
    api.calls.length = 0;

    const again = await files.post('T1', dm, ref, message, true);
    expect(api.calls.map((c) => c.method)).toEqual(['files.info']);
    expect(again.messageRef).toBe(`file:${ref}`);
  });

  it('completes the upload on a retry when the crashed try had not got that far', async () => {
    const { files, ref } = await upload();
    await files.post('T1', dm, ref, message, true);
    expect(api.calls.map((c) => c.method).slice(-2)).toEqual(['files.info', 'files.completeUploadExternal']);
  });

  it('shows nothing when the upload fails, with an error the outbox retries soon', async () => {
    api.failNext('upload', { status: 500 });
    await expect(upload()).rejects.toBeInstanceOf(TransientDeliveryError);
    expect(api.callsTo('files.completeUploadExternal')).toHaveLength(0);
  });

  it('turns a rate-limited upload URL request into a retry after Slack’s Retry-After', async () => {
    api.failNext('files.getUploadURLExternal', {
      status: 429,
      headers: { 'retry-after': '9' },
      body: { ok: false },
    });
    const failed = await upload().catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(TransientDeliveryError);
    expect((failed as TransientDeliveryError).retryAfterMs).toBe(9000);
  });

  it('passes a refusal (a workspace that forbids uploads) on as a plain error, retried with backoff', async () => {
    api.failNext('files.getUploadURLExternal', {
      status: 200,
      body: { ok: false, error: 'file_uploads_disabled' },
    });
    const failed = await upload().catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(Error);
    expect(failed).not.toBeInstanceOf(TransientDeliveryError);
  });
});
