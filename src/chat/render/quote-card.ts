import type { QuoteCardData } from '../../core/customers/index.js';
import type { OutboundMessage } from '../card.js';
import { formatTime, type RenderContext } from './render-context.js';

/** An amount as people of the reader's language write it: "50,000" (no currency: the org's is implied). */
export const formatAmount = (amount: number, ctx: Pick<RenderContext, 'locale'>): string =>
  new Intl.NumberFormat(ctx.locale, { maximumFractionDigits: 2 }).format(amount);

/** A date alone, in the org's time zone: "2026/12/01" (a signing date has no time of day). */
export const formatDate = (iso: string, ctx: Pick<RenderContext, 'locale' | 'timeZone'>): string =>
  new Intl.DateTimeFormat(ctx.locale, {
    timeZone: ctx.timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(iso));

/** Into 报价: the quote's summary to the owner, and when they will be reminded to follow it up. */
export function quoteCard(data: QuoteCardData, ctx: RenderContext): OutboundMessage {
  const t = ctx.texts.stage.quote;
  const who = [data.company, data.name].filter(Boolean).join(' · ');
  return {
    card: {
      title: t.title,
      fields: [
        { label: t.lead, value: [data.code, who].filter(Boolean).join(' ') },
        { label: t.amount, value: formatAmount(data.amount, ctx) },
        { label: t.items, value: data.items },
        ...(data.remindAt ? [{ label: t.remindAt, value: formatTime(data.remindAt, ctx) }] : []),
      ],
      buttons: [],
    },
  };
}
