import type { LeadDuplicateData } from '../../core/leads/lead-notices.js';
import type { OutboundMessage } from '../card.js';
import type { RenderContext } from './render-context.js';

/** 撞单: tells the original's owner that their customer came in again, and through which source. */
export function leadDuplicateCard(data: LeadDuplicateData, ctx: RenderContext): OutboundMessage {
  const t = ctx.texts.lead;
  const source = [t.sources[data.source] ?? data.source, data.campaign].filter(Boolean).join(' / ');
  const who = [data.name, data.company].filter(Boolean).join(' · ');
  const matched = data.matchedOn.map((k) => t.matchedOn[k]).join(' / ');
  return {
    card: {
      title: t.duplicateTitle,
      status: t.status.duplicate(''),
      fields: [
        { label: t.fields.source, value: source },
        ...(who ? [{ label: t.fields.name, value: who }] : []),
      ],
      markdown: t.duplicateBody(source, matched, who ? ` ${who}` : ''),
      buttons: [],
    },
  };
}
