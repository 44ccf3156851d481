import type { LeadDuplicateData } from '../../core/leads/lead-notices.js';
import type { OutboundMessage } from '../card.js';
import type { RenderContext } from './render-context.js';

/**
 * 撞单: tells the original's owner that their customer came in again, through which source, and on what it matched.
 * A match on the company alone is not "your customer": it is a (possibly new) contact of a company they have.
 */
export function leadDuplicateCard(data: LeadDuplicateData, ctx: RenderContext): OutboundMessage {
  const t = ctx.texts.lead;
  const source = [t.sources[data.source] ?? data.source, data.campaign].filter(Boolean).join(' / ');
  const who = [data.name, data.company].filter(Boolean).join(' · ');
  const matched = data.matchedOn.map((k) => t.matchedOn[k]).join(' / ');
  const byCompanyOnly = data.matchedOn.length > 0 && data.matchedOn.every((k) => k === 'company');
  return {
    card: {
      title: t.duplicateTitle,
      status: t.status.duplicate(''),
      fields: [
        { label: t.fields.source, value: source },
        ...(who ? [{ label: t.fields.name, value: who }] : []),
        ...(matched ? [{ label: t.duplicateMatchedOn, value: matched }] : []),
        { label: t.duplicateOriginal, value: data.originalId },
      ],
      markdown: byCompanyOnly
        ? t.duplicateCompanyBody(source, data.company ?? '', data.name ?? '')
        : t.duplicateBody(source, matched, who ? ` ${who}` : ''),
      buttons: [],
    },
  };
}
