import type { ComplaintCardData } from '../../core/after-sales/index.js';
import type { CardField, OutboundMessage } from '../card.js';
import { formatTime, type RenderContext } from './render-context.js';

/**
 * The complaint centre's card: the complaint, its order and contract, where it stands. A first cut that shows
 * everything; the assign buttons (one per staff member with their open task count) come with the chat handlers.
 */
export function complaintCard(data: ComplaintCardData, ctx: RenderContext): OutboundMessage {
  const t = ctx.texts.afterSales;
  const fields: CardField[] = [
    { label: t.fields.priority, value: t.priorities[data.priority] },
    { label: t.fields.category, value: data.category },
    { label: t.fields.order, value: [data.orderNumber, data.orderItems].filter(Boolean).join(' · ') },
    { label: t.fields.contract, value: data.contractNo },
    { label: t.fields.signedAt, value: formatTime(data.signedAt, ctx) },
    ...(data.assigneeName ? [{ label: t.fields.assignee, value: data.assigneeName }] : []),
    ...(data.taskCode ? [{ label: t.fields.task, value: data.taskCode }] : []),
  ];
  return {
    card: {
      title: t.complaintTitle(data.code, data.customerName),
      status: t.complaintStatuses[data.status],
      fields,
      markdown: data.description,
      buttons: [],
    },
  };
}
