import type { LeadCardData } from '../../core/leads/lead-notices.js';
import type { OutboundMessage } from '../card.js';
import { LEAD_ACTIONS } from './lead-card.js';
import type { RenderContext } from './render-context.js';
import { byScore, formatCount, leadLabel, SUMMARY_LISTED } from './summary-lines.js';

/**
 * A burst of leads entering a team's pool, told once in its channel: "公海新增 1,200 条线索", the campaigns, the
 * top score, the few best leads with a claim button each, and `/pool` named for the rest (it lists and claims).
 */
export function poolSummaryCard(leads: readonly LeadCardData[], ctx: RenderContext): OutboundMessage {
  const t = ctx.texts.lead;
  const s = t.summary;
  const top = byScore(leads).slice(0, SUMMARY_LISTED);
  const campaigns = [...new Set(leads.flatMap((l) => l.campaign ?? []))];
  const lines = top.map((l) => `**${leadLabel(l)}** · ${l.score} · ${t.grades[l.grade]}`);
  const rest = leads.length - top.length;
  return {
    card: {
      title: s.poolTitle(formatCount(leads.length, ctx)),
      fields: [
        ...(campaigns.length > 0 ? [{ label: s.campaign, value: campaigns.join('、') }] : []),
        { label: s.topScore, value: String(top[0]?.score ?? 0) },
      ],
      markdown: [
        `${s.top}：`,
        ...lines,
        ...(rest > 0 ? [s.more(formatCount(rest, ctx))] : []),
        s.poolHint,
      ].join('\n'),
      buttons: top.map((l) => ({
        actionId: LEAD_ACTIONS.claim,
        label: `${t.claim} · ${leadLabel(l)}`,
        value: l.leadId,
        style: 'primary' as const,
      })),
    },
  };
}
