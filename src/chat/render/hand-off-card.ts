import type { HandOffCardData } from '../../core/customers/index.js';
import type { OutboundMessage } from '../card.js';
import { formatAmount, formatDate } from './quote-card.js';
import type { RenderContext } from './render-context.js';

/**
 * Into 成交: the won deal handed to after-sales, in the team channel and each after-sales member's DM: who the
 * customer is, how to reach them, and the order they will serve (its number is what complaints name).
 */
export function handOffCard(data: HandOffCardData, ctx: RenderContext): OutboundMessage {
  const t = ctx.texts.stage.handOff;
  const contact = [data.contactName, data.phone].filter(Boolean).join(' ');
  return {
    card: {
      title: t.title,
      fields: [
        { label: t.customer, value: data.customerName },
        ...(contact ? [{ label: t.contact, value: contact }] : []),
        { label: t.order, value: data.orderNumber },
        { label: t.contract, value: data.contractNo },
        { label: t.amount, value: formatAmount(data.amount, ctx) },
        { label: t.signedAt, value: formatDate(data.signedAt, ctx) },
        ...(data.items ? [{ label: t.items, value: data.items }] : []),
        ...(data.ownerName ? [{ label: t.owner, value: data.ownerName }] : []),
        ...(data.code ? [{ label: t.lead, value: data.code }] : []),
      ],
      buttons: [],
    },
  };
}
