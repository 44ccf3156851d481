import type { ComplaintCardData } from '../../core/after-sales/index.js';
import { wallTimeOf } from '../../core/shared/zoned-time.js';
import type { Button, CardField, OutboundMessage } from '../card.js';
import type { RenderContext } from './render-context.js';

/** The centre card's buttons: `complaint.assign` with `<complaint id>:<member id>`, one per staff member. */
export const COMPLAINT_ACTIONS = {
  assign: 'complaint.assign',
  chooseOrder: 'complaint.choose_order',
} as const;

export const assignValueOf = (complaintId: string, memberId: string) => `${complaintId}:${memberId}`;

/**
 * The complaint centre's card, in the after-sales channel and every after-sales manager's DM (one card key, so all
 * copies change together). What a manager decides on comes first: the customer, the order and contract, the
 * priority and the time it allows; then one button per staff member with their open task count. Once assigned,
 * every copy says to whom, the task and its required completion time, and has no buttons.
 */
export function complaintCard(data: ComplaintCardData, ctx: RenderContext): OutboundMessage {
  const t = ctx.texts.afterSales;
  const c = ctx.texts.complaintChat.card;
  const due = data.dueAt ? c.dueBy(wallTimeOf(new Date(data.dueAt), ctx.timeZone)) : undefined;
  const required = due ?? (data.slaHours !== undefined ? c.within(data.slaHours) : undefined);
  const fields: CardField[] = [
    { label: t.fields.customer, value: data.customerName },
    { label: t.fields.order, value: [data.orderNumber, data.orderItems].filter(Boolean).join(' · ') },
    { label: t.fields.contract, value: data.contractNo },
    { label: t.fields.priority, value: t.priorities[data.priority] },
    ...(required ? [{ label: c.requiredBy, value: required }] : []),
    { label: t.fields.category, value: data.category },
    // A contract is signed on a day: shown with its year and no time of day (formatTime's "03/05, 10:00" was neither).
    { label: t.fields.signedAt, value: c.signedOn(wallTimeOf(new Date(data.signedAt), ctx.timeZone)) },
  ];
  const open = data.status === 'unassigned' || data.status === 'reopened';
  // 已分配 says to whom, the task and by when; a later status (处理中, 已解决 …) is named, with the assignee.
  const status =
    data.status === 'assigned' && data.assigneeName
      ? c.assigned(data.assigneeName, data.taskCode, due)
      : [t.complaintStatuses[data.status], open ? undefined : data.assigneeName].filter(Boolean).join(' · ');
  return {
    card: {
      title: t.complaintTitle(data.code, data.customerName),
      status,
      fields,
      markdown: data.description,
      buttons: open ? assignButtons(data, ctx) : [],
    },
  };
}

function assignButtons(data: ComplaintCardData, ctx: RenderContext): Button[] {
  const c = ctx.texts.complaintChat.card;
  return (data.assignees ?? []).map((a) => ({
    actionId: COMPLAINT_ACTIONS.assign,
    label: c.assignButton(a.name, a.openTasks),
    value: assignValueOf(data.complaintId, a.memberId),
  }));
}
