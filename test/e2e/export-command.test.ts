import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zhCN } from '../../src/chat/texts/zh-cn.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { sandboxMessages } from './support/sandbox-messages.js';
import { api, pumpUntil } from './support/story.js';
import { say } from './support/task-steps.js';

// Issue #15 point 1 on the real stack: /导出 跟进 本月 typed in the sandbox is answered at once, the export job
// makes the CSV from the stored request, the outbox sends it to the member's DM as a signed download link, and the
// link serves the file: BOM, Chinese headers, the follow-up written this month, exactly as typed.

const t0 = zhCN.exports;
let t: TestApp;

type Member = { id: string; name: string };
type Shown = { id: string; conversation: string; text: string; file?: { name: string; url: string } };

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('/导出 in the sandbox', () => {
  it('answers, then sends the CSV to the DM, and the link downloads it with BOM and Chinese headers', async () => {
    const lead = await api(t, 'POST', '/leads', { phone: '13900008001', region: '上海', source: 'website' });
    expect(lead.status, JSON.stringify(lead.body)).toBe(201);
    const content = '聊过，有意向，下周到店';
    const followed = await api(t, 'POST', `/leads/${lead.body.lead.code}/follow-ups`, {
      channel: 'phone',
      content,
      nextContactAt: new Date(t.app.clock.now().getTime() + 24 * 3_600_000).toISOString(),
    });
    expect(followed.status, JSON.stringify(followed.body)).toBe(201);

    const members = (await api(t, 'GET', '/members')).body.members as Member[];
    const director = members.find((m) => m.name === '陈思远');
    if (!director) throw new Error('no director in the demo org');
    const before = new Set((await sandboxMessages(t, director.id)).map((m) => m.id));

    const what = t0.what('follow-ups', '本月');
    const answer = await say(t, director.id, '/导出 跟进 本月');
    expect(answer.replies).toEqual([{ text: t0.working(what) }]);

    // The request is made by the job table's export job (run here as the sandbox clock runs it), then delivered.
    await t.app.runJobs();
    let file: Shown | undefined;
    await pumpUntil(
      t,
      async () => {
        const shown = (await sandboxMessages(t, director.id)) as Shown[];
        file = shown.find((m) => !before.has(m.id) && m.file !== undefined);
        return file !== undefined;
      },
      `${director.name}'s export file`,
    );
    expect(file?.conversation).toBe(`dm:${director.id}`);
    expect(file?.text).toBe(t0.fileReady(what, '1'));
    expect(file?.file?.name).toMatch(/^跟进记录-.*\.csv$/);

    const download = await fetch(`${t.baseUrl}${file?.file?.url}`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toContain('text/csv');
    const bytes = new Uint8Array(await download.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).split('\r\n');
    expect(lines[0]?.split(',').slice(0, 6)).toEqual([
      '记录编号',
      '线索编号',
      '客户编号',
      '跟进时间',
      '跟进方式',
      '跟进内容',
    ]);
    expect(lines.filter((line) => line.includes(content))).toHaveLength(1);

    // A link whose signature is not ours reads nothing.
    const forged = (file?.file?.url ?? '').replace(/sig=[^&]+/, 'sig=forged');
    expect((await fetch(`${t.baseUrl}${forged}`)).status).toBe(403);
  });
});
