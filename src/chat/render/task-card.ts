import type { TaskCardData } from '../../core/after-sales/index.js';
import type { Button, CardField, OutboundMessage } from '../card.js';
import { formatTime, type RenderContext } from './render-context.js';

/** The task card's buttons; each value is the task's id (a pause's also its cause: `<id>:parts`). */
export const TASK_ACTIONS = {
  start: 'task.start',
  report: 'task.report',
  pause: 'task.pause',
  resume: 'task.resume',
  approve: 'task.approve',
  adjust: 'task.adjust',
  return: 'task.return',
} as const;

/**
 * A task's card for one moment (assigned, the reminder, the due time, review, returned, approved), drawn for the one
 * who reads it: what matters first (the customer, the problem, the due time and how long is left or how late it is,
 * the pause), then the buttons the status allows that reader: the assignee works it (开始处理 / 填报工时 / 暂停 /
 * 继续), a manager decides on the hours in review (批准 / 调整工时 / 退回), anyone else only reads. The same card is
 * redrawn in place as the task moves, wherever it was shown.
 */
export function taskCard(data: TaskCardData, ctx: RenderContext): OutboundMessage {
  const a = ctx.texts.afterSales;
  const fields: CardField[] = [
    ...(data.problem ? [{ label: ctx.texts.taskChat.problem, value: data.problem }] : []),
    { label: a.fields.dueAt, value: formatTime(data.dueAt, ctx) },
    { label: a.fields.priority, value: a.priorities[data.priority] },
    { label: a.fields.assignee, value: data.assigneeName },
    ...(data.completedAt ? [{ label: a.fields.completedAt, value: formatTime(data.completedAt, ctx) }] : []),
    ...(data.reportedHours !== undefined
      ? [{ label: a.fields.reportedHours, value: a.hours(data.reportedHours) }]
      : []),
    ...(data.approvedHours !== undefined
      ? [{ label: a.fields.approvedHours, value: a.hours(data.approvedHours) }]
      : []),
    ...(data.note ? [{ label: a.fields.returnReason, value: data.note }] : []),
  ];
  return {
    card: {
      title: ctx.texts.taskChat.cardTitle(data.code, data.customerName),
      status: [a.taskStatuses[data.status], headline(data, ctx)].join(' · '),
      fields,
      ...(data.result ? { markdown: `**${a.fields.result}**\n${data.result}` } : {}),
      buttons: buttonsFor(data, ctx),
    },
  };
}

/** The one line that says where the task stands at its moment: time left or late, paused, in review, decided. */
function headline(data: TaskCardData, ctx: RenderContext): string {
  const t = ctx.texts.taskChat;
  if (data.status === 'approved')
    return t.approvedBy(
      ctx.texts.afterSales.hours(data.approvedHours ?? 0),
      data.approvedByName,
      data.overdue === true,
    );
  if (data.status === 'in_review') return t.inReview(ctx.texts.afterSales.hours(data.reportedHours ?? 0));
  if (data.status === 'paused' && data.pauseReason) return t.pausedFor(data.pauseReason);
  if (data.moment === 'returned') return t.returned;
  if (data.moment === 'due') return t.dueNow;
  const left = new Date(data.dueAt).getTime() - new Date(data.at).getTime();
  return left >= 0 ? t.left(t.duration(left)) : t.late(t.duration(-left));
}

function buttonsFor(data: TaskCardData, ctx: RenderContext): Button[] {
  const reader = ctx.to.kind === 'member' ? ctx.to.memberId : undefined;
  const b = ctx.texts.taskChat.buttons;
  const button = (actionId: string, label: string, style?: Button['style'], value = data.taskId): Button => ({
    actionId,
    label,
    value,
    ...(style ? { style } : {}),
  });
  if (reader === data.assigneeId) {
    const pause = [
      button(TASK_ACTIONS.pause, b.pause.customer, undefined, `${data.taskId}:customer`),
      button(TASK_ACTIONS.pause, b.pause.parts, undefined, `${data.taskId}:parts`),
    ];
    if (data.status === 'open')
      return [
        button(TASK_ACTIONS.start, b.start, 'primary'),
        button(TASK_ACTIONS.report, b.report),
        ...pause,
      ];
    if (data.status === 'in_progress') return [button(TASK_ACTIONS.report, b.report, 'primary'), ...pause];
    if (data.status === 'paused') return [button(TASK_ACTIONS.resume, b.resume, 'primary')];
    return [];
  }
  if (reader && data.managerIds.includes(reader) && data.status === 'in_review')
    return [
      button(TASK_ACTIONS.approve, b.approve(ctx.texts.afterSales.hours(data.reportedHours ?? 0)), 'primary'),
      button(TASK_ACTIONS.adjust, b.adjust),
      button(TASK_ACTIONS.return, b.return, 'danger'),
    ];
  return [];
}
