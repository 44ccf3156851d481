import type { Lead } from '../leads/index.js';
import type { Member } from '../org/index.js';
import { defined } from '../shared/defined.js';
import type { CustomerId, LeadId, MemberId, OrderId } from '../shared/ids.js';
import type { Notice } from '../shared/notices.js';
import type { Customer, Order } from './customer-types.js';

/** Into 报价: the quote's summary and when the owner will be reminded to follow it up. */
export type QuoteCardData = {
  readonly leadId: LeadId;
  readonly code?: string;
  readonly name?: string;
  readonly company?: string;
  readonly amount: number;
  readonly items: string;
  /** ISO time of the follow-up reminder (the plan's next contact). */
  readonly remindAt?: string;
};

/** Into 成交: the won deal handed to after-sales (the team channel and each after-sales member). */
export type HandOffCardData = {
  readonly leadId: LeadId;
  readonly code?: string;
  readonly customerId: CustomerId;
  readonly customerName: string;
  readonly contactName?: string;
  readonly phone?: string;
  readonly orderId: OrderId;
  readonly orderNumber: string;
  readonly contractNo: string;
  readonly amount: number;
  /** ISO time. */
  readonly signedAt: string;
  readonly items?: string;
  readonly ownerName?: string;
};

/**
 * The quote card to the owner when the lead's latest change entered a quote stage (a later stage keeps the quote for
 * the order's items, but is no new quote). Part of `leadNotices`, so the notice sweep re-sends it after a crash;
 * keyed by the lead's version: re-publishing one change posts nothing new.
 */
export function quoteNotices(lead: Lead): Notice[] {
  const quote = lead.stage?.quote;
  const enteredQuote = lead.history.at(-1)?.type === 'stage_changed' && lead.stage?.kind === 'quote';
  if (!enteredQuote || !quote || !lead.ownerId) return [];
  const remindAt = lead.plan?.nextContactAt?.toISOString();
  return [
    {
      kind: 'stage.quote',
      to: { kind: 'member', memberId: lead.ownerId },
      mode: 'post',
      idempotencyKey: `lead:${lead.id}:v${lead.version}:quote`,
      data: {
        leadId: lead.id,
        amount: quote.amount,
        items: quote.items,
        ...defined({ code: lead.code, name: lead.contact.name, company: lead.contact.company, remindAt }),
      },
    },
  ];
}

/**
 * The hand-off card: to the lead's team channel and by DM to every active after-sales member. Keyed by the order,
 * so the finishing steps and the sweep may both publish it and it is posted once per recipient.
 */
export function handOffNotices(
  customer: Customer,
  order: Order,
  lead: Lead,
  aftersales: readonly Pick<Member, 'id'>[],
): Notice[] {
  const data: HandOffCardData = {
    leadId: lead.id,
    customerId: customer.id,
    customerName: customer.name,
    orderId: order.id,
    orderNumber: order.number,
    contractNo: order.contractNo,
    amount: order.amount,
    signedAt: order.signedAt.toISOString(),
    ...defined({
      code: lead.code,
      contactName: lead.contact.name,
      phone: lead.contact.phone,
      items: order.items,
      ownerName: order.ownerName,
    }),
  };
  const post = (to: Notice['to'], suffix: string): Notice => ({
    kind: 'customer.hand_off',
    to,
    cardKey: `order:${order.id}:hand-off`,
    mode: 'post',
    idempotencyKey: `order:${order.id}:hand-off:${suffix}`,
    data,
  });
  return [
    ...(lead.teamId ? [post({ kind: 'team', teamId: lead.teamId }, 'team')] : []),
    ...aftersales.map((m) => post({ kind: 'member', memberId: m.id as MemberId }, m.id)),
  ];
}

declare module '../shared/notices.js' {
  interface NoticeDataByKind {
    'stage.quote': QuoteCardData;
    'customer.hand_off': HandOffCardData;
  }
}
