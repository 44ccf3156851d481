import type { TaskCardData } from '../../core/after-sales/index.js';
import type { CardField, OutboundMessage } from '../card.js';
import { formatTime, type RenderContext } from './render-context.js';

/** A task's card for one moment (assigned, reminders, review, returned, approved): its fields, no buttons yet. */
export function taskCard(data: TaskCardData, ctx: RenderContext): OutboundMessage {
  const t = ctx.texts.afterSales;
  const fields: CardField[] = [
    { label: t.fields.customer, value: data.customerName },
    { label: t.fields.priority, value: t.priorities[data.priority] },
    { label: t.fields.assignee, value: data.assigneeName },
    { label: t.fields.dueAt, value: formatTime(data.dueAt, ctx) },
    ...(data.completedAt ? [{ label: t.fields.completedAt, value: formatTime(data.completedAt, ctx) }] : []),
    ...(data.reportedHours !== undefined
      ? [{ label: t.fields.reportedHours, value: t.hours(data.reportedHours) }]
      : []),
    ...(data.approvedHours !== undefined
      ? [{ label: t.fields.approvedHours, value: t.hours(data.approvedHours) }]
      : []),
    ...(data.note ? [{ label: t.fields.returnReason, value: data.note }] : []),
  ];
  const verdict = data.overdue === undefined ? undefined : data.overdue ? t.overdue : t.onTime;
  return {
    card: {
      title: t.taskTitle(data.moment, data.code),
      status: [t.taskStatuses[data.status], data.paused ? t.paused : undefined, verdict]
        .filter(Boolean)
        .join(' · '),
      fields,
      ...(data.result ? { markdown: data.result } : {}),
      buttons: [],
    },
  };
}
