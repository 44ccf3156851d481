import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zhCN } from '../../../src/chat/texts/zh-cn.js';
import { SECRET as DINGTALK_SECRET } from '../../adapters/dingtalk/dingtalk-test-support.js';
import { type FakeDingtalkApi, startFakeDingtalkApi } from '../../adapters/dingtalk/fake-dingtalk-api.js';
import type { MultipartPart } from '../../adapters/support/multipart.js';
import { api, pumpUntil } from '../../e2e/support/story.js';
import { dingtalkAnswered, dingtalkSay } from '../../e2e/support/task-steps-dingtalk.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

// Issue #15, item 5: `/导出 跟进 本月` typed to the DingTalk robot (HTTP mode: a signed robot callback), answered at
// once, made by the job table's export job, and delivered by the outbox to the member's robot chat as DingTalk's
// file message: one media upload of the workbook (XLSX: DingTalk's file messages take no CSV; its Chinese name, Chinese
// headers, the follow-up as typed), one sampleFile.

const CLIENT_ID = 'dinge2eexport01';
const DIRECTOR = 'directorX01';
const t0 = zhCN.exports;
let fake: FakeDingtalkApi;
let t: TestApp;

beforeAll(async () => {
  fake = await startFakeDingtalkApi();
  t = await startTestApp({
    platforms: {
      enabled: ['dingtalk'],
      env: {
        DINGTALK_MODE: 'http',
        DINGTALK_CLIENT_ID: CLIENT_ID,
        DINGTALK_CLIENT_SECRET: DINGTALK_SECRET,
        DINGTALK_ROBOT_CODE: CLIENT_ID,
        DINGTALK_CARD_TEMPLATE_ID: 'e2e0c0de-export-card.schema',
        DINGTALK_API_URL: fake.url,
        // media/upload is on DingTalk's old OpenAPI host: the fake answers both.
        DINGTALK_OAPI_URL: fake.url,
      },
      publicUrl: 'https://leadrelay.example',
    },
  });
  expect((await api(t, 'PATCH', '/org/chat', { platform: 'dingtalk', workspaceId: CLIENT_ID })).status).toBe(
    200,
  );
}, 60_000);
afterAll(async () => {
  await t?.close();
  await fake?.close();
});

type Member = { id: string; name: string };
const isFile = (c: { body: Record<string, unknown> }) => c.body.msgKey === 'sampleFile';

describe('/导出 跟进 本月 on DingTalk', () => {
  it('answers, makes the XLSX in the export job and sends it once as a file message to the robot chat', async () => {
    const lead = await api(t, 'POST', '/leads', { phone: '13900008101', region: '上海', source: 'website' });
    expect(lead.status, JSON.stringify(lead.body)).toBe(201);
    const content = '客户说月底前定，先发报价单';
    const followed = await api(t, 'POST', `/leads/${lead.body.lead.code}/follow-ups`, {
      channel: 'phone',
      content,
      nextContactAt: new Date(t.app.clock.now().getTime() + 24 * 3_600_000).toISOString(),
    });
    expect(followed.status, JSON.stringify(followed.body)).toBe(201);
    const director = ((await api(t, 'GET', '/members')).body.members as Member[]).find(
      (m) => m.name === '陈思远',
    );
    if (!director) throw new Error('no director in the demo org');
    const identities = [{ platform: 'dingtalk', userId: DIRECTOR }];
    expect((await api(t, 'PUT', `/members/${director.id}/identities`, { identities })).status).toBe(200);
    await t.app.outboxPump.runNow();
    fake.calls.length = 0;

    await dingtalkSay(t, DIRECTOR, CLIENT_ID, '/导出 跟进 本月');
    await dingtalkAnswered(t, fake, DIRECTOR, t0.working(t0.what('follow-ups', '本月')));
    await t.app.runJobs();
    await pumpUntil(
      t,
      async () => fake.callsTo('/v1.0/robot/oToMessages/batchSend').some(isFile),
      'the export file',
    );
    // Another round of jobs and deliveries changes nothing: the request is done, the entry sent.
    await t.app.runJobs();
    await t.app.outboxPump.runNow();

    const uploads = fake.callsTo('/media/upload');
    expect(uploads).toHaveLength(1);
    expect(uploads[0]?.body.type).toBe('file');
    const media = ((uploads[0]?.body.parts ?? []) as MultipartPart[]).find((p) => p.name === 'media');
    expect(media?.filename).toMatch(/^跟进记录-.*\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(media?.bytes as never);
    const rows = (book.worksheets[0]?.getSheetValues() ?? []).filter(Boolean) as unknown[][];
    expect(rows[0]?.slice(1, 3)).toEqual(['记录编号', '线索编号']);
    expect(rows.filter((row) => row.includes(content))).toHaveLength(1);

    const files = fake.callsTo('/v1.0/robot/oToMessages/batchSend').filter(isFile);
    expect(files).toHaveLength(1);
    expect(files[0]?.body.userIds).toEqual([DIRECTOR]);
    const param = JSON.parse(String(files[0]?.body.msgParam)) as Record<string, string>;
    expect(param).toEqual({
      mediaId: expect.stringMatching(/^@media-/),
      fileName: media?.filename,
      fileType: 'xlsx',
    });
    // The media the message shows is the one uploaded, kept on the outbox entry.
    const entry = await t.app.models.OutboxEntry.findOne({ kind: 'export.file' }).lean();
    expect(entry?.upload?.ref).toBe(param.mediaId);
    expect(entry?.status).toBe('sent');
  }, 120_000);
});
