import { describe, expect, it } from 'vitest';
import { HOURS_FORM } from '../../src/chat/handlers/hours-form.js';
import { ADJUST_FORM } from '../../src/chat/handlers/task-decision.js';
import { TASK_ACTIONS } from '../../src/chat/render/task-card.js';
import { zhCN } from '../../src/chat/texts/zh-cn.js';
import { HOUR } from '../core/after-sales/after-sales-world.js';
import { taskChatWorld, texts } from './support/task-chat-world.js';

// The task side of after-sales in chat (issue #13, items 4–7) through the registry: the assignee's buttons, /工时 in
// one line or by the guided exchange or the Slack form, the managers' approval (and its race), /我的任务.
// The clock: Monday 2 March 2026, 10:00 in Shanghai; an urgent task is due at 14:00.
const t = zhCN.taskChat;

const posts = (w: ReturnType<typeof taskChatWorld>, moment: string) =>
  w.notifier
    .notices()
    .filter((n) => n.mode === 'post' && (n.data as { moment?: string }).moment === moment)
    .map((n) => (n.to.kind === 'member' ? n.to.memberId : n.to.kind));

describe('/工时 in one line', () => {
  it('reports a complete line, moves the task to 待审核 and repeats what it understood', async () => {
    const w = taskChatWorld();
    await w.assigned();
    w.clock.advance(2 * HOUR);
    const done = await w.command(w.staff, 'hours', 'T-1001 完成于 今天11:30 1.5小时 已更换电源模块');
    expect(texts(done)).toEqual(['已提交：T-1001 · 完成于 3月2日 周一 11:30 · 1.5 小时，等待主管审核']);
    expect(w.task()).toMatchObject({ status: 'in_review', report: { hours: 1.5, result: '已更换电源模块' } });
    expect(posts(w, 'review')).toEqual([w.ids.manager]);
  });

  it('asks for a missing part alone, and reports once it is given', async () => {
    const w = taskChatWorld();
    await w.assigned();
    w.clock.advance(2 * HOUR);
    expect(texts(await w.command(w.staff, 'hours', 'T-1001 1.5小时 已更换电源模块'))).toEqual([
      t.hours.ask.completedAt,
    ]);
    expect(texts(await w.say(w.staff, '改天'))).toEqual([t.hours.notUnderstood.completedAt]);
    expect(texts(await w.say(w.staff, '11:30'))).toEqual([
      '已提交：T-1001 · 完成于 3月2日 周一 11:30 · 1.5 小时，等待主管审核',
    ]);
    expect(w.task()?.status).toBe('in_review');
  });

  it('refuses another’s task before asking anything', async () => {
    const w = taskChatWorld();
    await w.assigned();
    const refused = await w.command(w.staff2, 'hours', 'T-1001 1.5小时');
    expect(refused.ok).toBe(false);
    expect(texts(refused)).toEqual([zhCN.errors.TASK_NOT_YOURS({ assigneeName: '许亮' })]);
    expect(w.drafts.all()).toEqual([]);
  });

  it('refuses a sales rep at once, asking nothing', async () => {
    const w = taskChatWorld();
    const refused = await w.command(w.rep, 'hours', '');
    expect(texts(refused)).toEqual([zhCN.errors.FORBIDDEN({})]);
    expect(w.drafts.all()).toEqual([]);
  });

  it('refuses a completion time ahead of now, as said (明天 is not moved back)', async () => {
    const w = taskChatWorld();
    await w.assigned();
    const refused = await w.command(w.staff, 'hours', 'T-1001 明天10点 2小时 已处理');
    expect(refused.ok).toBe(false);
    expect(w.task()?.status).toBe('open');
  });

  it('opens the form on Slack with what was typed, refuses bad fields by field, then reports', async () => {
    const w = taskChatWorld();
    await w.assigned();
    w.clock.advance(2 * HOUR);
    const opened = await w.command(w.staff, 'hours', 'T-1001 1.5h', 'trigger-1');
    expect(opened.form).toMatchObject({ id: HOURS_FORM, meta: 'T-1001' });
    expect(opened.form?.fields.find((f) => f.id === 'hours')).toMatchObject({ initial: '1.5' });
    const bad = await w.submit(w.staff, HOURS_FORM, 'T-1001', {
      completedAt: '改天',
      hours: '很多',
      result: '',
    });
    expect(bad.fieldErrors).toEqual({
      completedAt: t.form.badTime,
      hours: t.form.badHours,
      result: t.form.required,
    });
    const ahead = await w.submit(w.staff, HOURS_FORM, 'T-1001', {
      completedAt: '今天18:00',
      hours: '1.5',
      result: '已更换',
    });
    expect(ahead.fieldErrors).toEqual({ completedAt: t.form.timeAhead });
    expect(w.task()?.status).toBe('open');
    const good = await w.submit(w.staff, HOURS_FORM, 'T-1001', {
      completedAt: '今天11:30',
      hours: '一个半小时',
      result: '已更换电源模块',
    });
    expect(texts(good)).toEqual(['已提交：T-1001 · 完成于 3月2日 周一 11:30 · 1.5 小时，等待主管审核']);
  });
});

describe('the task card’s buttons', () => {
  it('starts, pauses for parts and resumes, each redrawing the card in place', async () => {
    const w = taskChatWorld();
    const task = await w.assigned();
    expect(texts(await w.click(w.staff, TASK_ACTIONS.start, task.id))).toEqual([t.started('T-1001')]);
    expect(w.task()?.status).toBe('in_progress');
    expect(texts(await w.click(w.staff, TASK_ACTIONS.pause, `${task.id}:parts`))).toEqual([
      t.paused('T-1001', 'parts'),
    ]);
    expect(w.task()?.status).toBe('paused');
    w.clock.advance(HOUR);
    expect(texts(await w.click(w.staff, TASK_ACTIONS.resume, task.id))).toEqual([
      t.resumed('T-1001', '03/02 15:00'),
    ]);
    // The task card's redraws (the complaint centre's card is redrawn too, at the assignment).
    const redraws = w.notifier.notices().filter((n) => n.mode === 'update' && n.kind === 'after_sales.task');
    expect(redraws.map((n) => (n.data as { status: string }).status)).toEqual([
      'in_progress',
      'paused',
      'in_progress',
    ]);
    expect(new Set(redraws.map((n) => n.cardKey))).toEqual(new Set([`task:${task.id}`]));
  });

  it('refuses the buttons to anyone but the assignee', async () => {
    const w = taskChatWorld();
    const task = await w.assigned();
    const refused = await w.click(w.staff2, TASK_ACTIONS.start, task.id);
    expect(refused.ok).toBe(false);
    expect(w.task()?.status).toBe('open');
  });

  it('填报工时 on a text platform: a filled example, then the guided exchange from the completion time', async () => {
    const w = taskChatWorld();
    const task = await w.assigned();
    w.clock.advance(HOUR);
    expect(texts(await w.click(w.staff, TASK_ACTIONS.report, task.id))).toEqual([
      t.hours.example('T-1001'),
      t.hours.ask.completedAt,
    ]);
    expect(texts(await w.say(w.staff, '刚刚'))).toEqual([t.hours.ask.hours]);
    expect(texts(await w.say(w.staff, '两个半小时'))).toEqual([t.hours.ask.result]);
    expect(texts(await w.say(w.staff, '已更换电源模块'))).toEqual([
      '已提交：T-1001 · 完成于 3月2日 周一 11:00 · 2.5 小时，等待主管审核',
    ]);
  });

  it('填报工时 on Slack opens the form', async () => {
    const w = taskChatWorld();
    const task = await w.assigned();
    const opened = await w.click(w.staff, TASK_ACTIONS.report, task.id, 'trigger-1');
    expect(opened.form).toMatchObject({ id: HOURS_FORM, meta: 'T-1001', title: t.form.title('T-1001') });
  });
});

describe('the approval card', () => {
  async function inReview(finishedAfter = 2) {
    const w = taskChatWorld();
    const task = await w.assigned();
    w.clock.advance(5 * HOUR);
    const at = finishedAfter === 2 ? '今天12:00' : '今天14:30';
    await w.command(w.staff, 'hours', `T-1001 完成于 ${at} 3.5小时 已更换电源模块`);
    return { w, task };
  }

  it('two managers approve at once: one decides, the other is told who did', async () => {
    const { w, task } = await inReview();
    const [a, b] = await Promise.all([
      w.click(w.manager, TASK_ACTIONS.approve, task.id),
      w.click(w.manager2, TASK_ACTIONS.approve, task.id),
    ]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    const loser = a.ok ? b : a;
    const winner = a.ok ? '高峰' : '韩梅';
    expect(texts(loser)).toEqual([zhCN.errors.TASK_ALREADY_DECIDED({ decidedByName: winner })]);
    expect(w.task()).toMatchObject({ status: 'approved', approval: { hours: 3.5 }, overdue: false });
    expect(w.complaints.all()[0]?.status).toBe('resolved');
  });

  it('调整工时 asks for the approved hours, records them and flags a late finish overdue', async () => {
    const { w, task } = await inReview(4.5);
    expect(texts(await w.click(w.manager, TASK_ACTIONS.adjust, task.id))).toEqual([t.decision.askHours]);
    expect(texts(await w.say(w.manager, '好多'))).toEqual([t.decision.badHours]);
    expect(texts(await w.say(w.manager, '3小时'))).toEqual([t.decision.approved('T-1001', '3 小时', true)]);
    expect(w.task()).toMatchObject({
      status: 'approved',
      overdue: true,
      approval: { hours: 3, adjusted: true },
    });
    expect(posts(w, 'approved').sort()).toEqual([w.ids.staff, w.ids.rep].sort());
    // A decision taken is told at once to a second manager who clicks later, before anything is asked.
    const late = await w.click(w.manager2, TASK_ACTIONS.return, task.id);
    expect(texts(late)).toEqual([zhCN.errors.TASK_ALREADY_DECIDED({ decidedByName: '高峰' })]);
  });

  it('调整工时 on Slack is a form with the reported hours filled in', async () => {
    const { w, task } = await inReview();
    const opened = await w.click(w.manager, TASK_ACTIONS.adjust, task.id, 'trigger-1');
    expect(opened.form).toMatchObject({ id: ADJUST_FORM, meta: task.id });
    expect(opened.form?.fields[0]).toMatchObject({ id: 'hours', initial: '3.5' });
    const bad = await w.submit(w.manager, ADJUST_FORM, task.id, { hours: '?' });
    expect(bad.fieldErrors).toEqual({ hours: t.form.badHours });
    expect(texts(await w.submit(w.manager, ADJUST_FORM, task.id, { hours: '3' }))).toEqual([
      t.decision.approved('T-1001', '3 小时', false),
    ]);
  });

  it('退回 asks for the reason; the task goes back to 处理中 and the assignee gets the reason', async () => {
    const { w, task } = await inReview();
    expect(texts(await w.click(w.manager, TASK_ACTIONS.return, task.id))).toEqual([t.decision.askReason]);
    expect(texts(await w.say(w.manager, '请补充更换记录'))).toEqual([t.decision.returned('T-1001')]);
    expect(w.task()?.status).toBe('in_progress');
    const back = w.notifier
      .notices()
      .filter((n) => n.mode === 'post' && (n.data as { moment?: string }).moment === 'returned');
    expect(back.map((n) => [n.to, (n.data as { note?: string }).note])).toEqual([
      [{ kind: 'member', memberId: w.ids.staff }, '请补充更换记录'],
    ]);
  });

  it('is refused to staff', async () => {
    const { w, task } = await inReview();
    expect((await w.click(w.staff, TASK_ACTIONS.approve, task.id)).ok).toBe(false);
    expect((await w.click(w.staff, TASK_ACTIONS.adjust, task.id)).ok).toBe(false);
    expect(w.task()?.status).toBe('in_review');
  });
});

describe('/我的任务', () => {
  it('lists the member’s open tasks, overdue first and marked; a manager sees the team’s', async () => {
    const w = taskChatWorld();
    await w.assigned('normal');
    await w.assigned('urgent');
    w.clock.advance(5 * HOUR);
    const mine = texts(await w.command(w.staff, 'tasks'))[0]?.split('\n');
    expect(mine).toEqual([
      t.list.mine(2),
      '⚠️ 逾期 T-1002 · 上海云启 · 要求 03/02 14:00 前完成 · 待处理',
      'T-1001 · 上海云启 · 要求 03/05 10:00 前完成 · 待处理',
    ]);
    const team = texts(await w.command(w.manager, 'tasks'))[0]?.split('\n');
    expect(team?.[0]).toBe(t.list.team(2));
    expect(team?.[1]).toBe('⚠️ 逾期 T-1002 · 上海云启 · 要求 03/02 14:00 前完成 · 待处理 · 许亮');
  });

  it('says so kindly when there is none', async () => {
    const w = taskChatWorld();
    expect(texts(await w.command(w.staff, 'tasks'))).toEqual([t.list.none]);
    expect(texts(await w.command(w.manager, 'tasks'))).toEqual([t.list.noneInTeam]);
  });
});
