import type { LeadCardData } from '../../core/leads/lead-notices.js';
import type { RenderContext } from './render-context.js';

/** How many leads a summary card lists by name; the rest are counted, and `/pool` or `/lead` lists them all. */
export const SUMMARY_LISTED = 5;

/** "1,200" in the reader's convention: a count people read at a glance. */
export const formatCount = (n: number, ctx: Pick<RenderContext, 'locale'>) =>
  new Intl.NumberFormat(ctx.locale).format(n);

/** Who the customer is, in a few words: the name and company, else the campaign's lead code in the card. */
export function leadLabel(lead: LeadCardData): string {
  return [lead.name, lead.company].filter(Boolean).join(' · ') || lead.leadId;
}

/** Highest score first; ties keep their arrival order. */
export const byScore = <T extends LeadCardData>(leads: readonly T[]): T[] =>
  [...leads].sort((a, b) => b.score - a.score);
