import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zhCN } from '../../src/chat/texts/zh-cn.js';
import { wallTimeOf } from '../../src/chat/zoned-time.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { api } from './support/story.js';
import {
  advanceClock,
  answersTo,
  assignedTask,
  cardShowing,
  click,
  say,
  taskCards,
} from './support/task-steps.js';

// Issue #13's task side on the sandbox, with the clock: the assigned task card → 开始处理 → the 75 % reminder (the
// SLA job, the card redrawn in place) → the due time → /工时 → the approval card → 调整工时 → resolved, flagged
// overdue. Slack, DingTalk and WeCom through their drivers are still to come (see the report of this branch).
const t = zhCN.taskChat;
let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.close());

describe('sandbox: a task from its card to approved hours', () => {
  it('runs assigned → started → reminded → due → reported → adjusted → resolved, overdue', async () => {
    const story = await assignedTask(app);
    const { staff, manager, taskCode: code } = story;
    const card = await cardShowing(app, staff.id, code, '待处理 · 还剩 4 小时');
    expect(card.conversation).toBe(`dm:${staff.id}`);
    expect(card.card?.fields[0]).toEqual({ label: '问题', value: '设备无法开机' });
    expect(card.card?.buttons.map((b) => b.label)).toEqual([
      '开始处理',
      '填报工时',
      '暂停（等客户）',
      '暂停（等配件）',
    ]);

    expect((await click(app, staff.id, card, 'task.start')).replies).toEqual([{ text: t.started(code) }]);
    await cardShowing(app, staff.id, code, /^处理中 · 还剩/);

    // The 75 % reminder: the same card, redrawn with the time left; no new message.
    await advanceClock(app, '3h');
    const reminded = await cardShowing(app, staff.id, code, '处理中 · 还剩 1 小时');
    expect(reminded.id).toBe(card.id);
    expect(await taskCards(app, staff.id, code)).toHaveLength(1);

    // The due time: the manager is told; the assignee's card says so.
    await advanceClock(app, '1h');
    await cardShowing(app, manager.id, code, '处理中 · 已到期');
    await cardShowing(app, staff.id, code, '处理中 · 已到期');

    await advanceClock(app, '30m');
    const now = app.app.clock.now();
    const reported = await say(app, staff.id, `/工时 ${code} 完成于 刚刚 3.5小时 已更换电源模块`);
    const when = zhCN.followUps.when(wallTimeOf(now, 'Asia/Shanghai'));
    expect(reported.replies).toEqual([{ text: t.hours.submitted(code, when, '3.5 小时') }]);

    const approval = await cardShowing(app, manager.id, code, '待审核 · 已填报 3.5 小时，等待主管审核');
    expect(approval.card?.buttons.map((b) => b.label)).toEqual(['批准 3.5 小时', '调整工时', '退回']);
    expect((await click(app, manager.id, approval, 'task.adjust')).replies).toEqual([
      { text: t.decision.askHours },
    ]);
    expect((await say(app, manager.id, '3')).replies).toEqual([
      { text: t.decision.approved(code, '3 小时', true) },
    ]);

    const decided = `已完成 · 已批准 3 小时（${manager.name}） · 逾期完成`;
    const done = await cardShowing(app, manager.id, code, decided);
    expect(done.id).toBe(approval.id);
    expect(done.card?.buttons).toEqual([]);
    await cardShowing(app, staff.id, code, decided);
    expect(await answersTo(app, manager.id)).toContain(t.decision.askHours);

    const tasks = (await api(app, 'GET', '/tasks?status=approved')).body.tasks;
    expect(tasks).toEqual([
      expect.objectContaining({
        code,
        overdue: true,
        approval: expect.objectContaining({ hours: 3, adjusted: true }),
      }),
    ]);
    const resolved = (await api(app, 'GET', '/complaints?status=resolved')).body.complaints;
    expect(resolved.map((c: { id: string }) => c.id)).toEqual([story.complaintId]);
  });
});
