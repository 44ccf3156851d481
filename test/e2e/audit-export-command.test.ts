import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zhCN } from '../../src/chat/texts/zh-cn.js';
import { AUDIT_HEADER_ZH } from '../http/export-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { sandboxMessages } from './support/sandbox-messages.js';
import { api, pumpUntil } from './support/story.js';
import { say } from './support/task-steps.js';

// Issue #15 items 1 and 5 on the real stack: an admin types /导出 审计 本月 in the sandbox and receives the org's
// audit trail of the month as a CSV in their DM, with Chinese headers and the settings change just made.

const t0 = zhCN.exports;
let t: TestApp;

type Member = { id: string; name: string };
type Shown = { id: string; text: string; file?: { name: string; url: string } };

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('/导出 审计 in the sandbox', () => {
  it('sends an admin the month’s audit trail, the settings change in it, by the token that made it', async () => {
    const changed = await api(t, 'PATCH', '/org/settings', { reclaimAfterHours: 72 });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    const members = (await api(t, 'GET', '/members')).body.members as Member[];
    const admin = members.find((m) => m.name === '周建国');
    if (!admin) throw new Error('no admin in the demo org');
    const before = new Set((await sandboxMessages(t, admin.id)).map((m) => m.id));

    const what = t0.what('audit', '本月');
    const answer = await say(t, admin.id, '/导出 审计 本月');
    expect(answer.replies).toEqual([{ text: t0.working(what) }]);
    await t.app.runJobs();
    let file: Shown | undefined;
    await pumpUntil(
      t,
      async () => {
        const shown = (await sandboxMessages(t, admin.id)) as Shown[];
        file = shown.find((m) => !before.has(m.id) && m.file !== undefined);
        return file !== undefined;
      },
      `${admin.name}'s audit export`,
    );
    expect(file?.file?.name).toMatch(/^审计日志-.*\.csv$/);
    const download = await fetch(`${t.baseUrl}${file?.file?.url}`);
    expect(download.status).toBe(200);
    const lines = new TextDecoder()
      .decode(new Uint8Array(await download.arrayBuffer()).slice(3))
      .split('\r\n');
    expect(lines[0]?.split(',')).toEqual(AUDIT_HEADER_ZH);
    const change = lines.find((line) => line.includes('修改企业设置'));
    expect(change).toContain('接口');
    expect(change).toContain('""reclaimAfterHours"":72');
  });

  it('tells a rep at once that their role may not export it, and queues nothing', async () => {
    const members = (await api(t, 'GET', '/members')).body.members as Member[];
    const rep = members.find((m) => m.name === '李娜');
    if (!rep) throw new Error('no rep 李娜 in the demo org');
    const queued = await t.app.models.ExportRequest.countDocuments();
    const answer = await say(t, rep.id, '/导出 审计 本月');
    expect(answer.replies).toEqual([{ text: t0.notAllowed('audit') }]);
    expect(await t.app.models.ExportRequest.countDocuments()).toBe(queued);
  });
});
