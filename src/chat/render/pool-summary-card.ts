import type { LeadCardData } from '../../core/leads/lead-notices.js';
import type { Button, OutboundMessage } from '../card.js';
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
  return leadsSummary(leads, ctx, s.poolTitle, s.poolHint, (l) => ({
    actionId: LEAD_ACTIONS.claim,
    label: `${t.claim} · ${leadLabel(l)}`,
    value: l.leadId,
    style: 'primary',
  }));
}

/** A burst of leads that became one rep's, told once in their DM: the best few, and `/lead` for them all. */
export function ownerSummaryCard(leads: readonly LeadCardData[], ctx: RenderContext): OutboundMessage {
  const s = ctx.texts.lead.summary;
  return leadsSummary(leads, ctx, s.ownerTitle, s.ownerHint);
}

function leadsSummary(
  leads: readonly LeadCardData[],
  ctx: RenderContext,
  title: (count: string) => string,
  hint: string,
  button?: (lead: LeadCardData) => Button,
): OutboundMessage {
  const t = ctx.texts.lead;
  const s = t.summary;
  const top = byScore(leads).slice(0, SUMMARY_LISTED);
  const campaigns = [...new Set(leads.flatMap((l) => l.campaign ?? []))];
  const rest = leads.length - top.length;
  return {
    card: {
      title: title(formatCount(leads.length, ctx)),
      fields: [
        ...(campaigns.length > 0 ? [{ label: s.campaign, value: campaigns.join('、') }] : []),
        { label: s.topScore, value: String(top[0]?.score ?? 0) },
      ],
      markdown: [
        s.top,
        ...top.map((l) => `**${leadLabel(l)}** · ${l.score} · ${t.grades[l.grade]}`),
        ...(rest > 0 ? [s.more(formatCount(rest, ctx))] : []),
        hint,
      ].join('\n'),
      buttons: button ? top.map(button) : [],
    },
  };
}
