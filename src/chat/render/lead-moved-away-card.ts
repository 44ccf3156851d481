import type { LeadMovedAwayData } from '../../core/pools/moved-away-notices.js';
import type { OutboundMessage } from '../card.js';
import type { RenderContext } from './render-context.js';
import { formatCount } from './summary-lines.js';

/** How many moved leads one card names; a bulk move of hundreds is counted, not listed. */
const LISTED = 20;

/** The old owner's notice: "线索 L-1042 已由 王主管 重新分配给 李娜" (or "…放回公海"). No buttons: it is theirs no more. */
export function leadMovedAwayCard(data: LeadMovedAwayData, ctx: RenderContext): OutboundMessage {
  return {
    card: {
      title: ctx.texts.lead.assign.movedTitle,
      fields: [],
      markdown: movedLine(data, ctx),
      buttons: [],
    },
  };
}

/** A burst of them (a bulk move): one card per old owner listing their leads. */
export function movedAwaySummaryCard(
  moves: readonly LeadMovedAwayData[],
  ctx: RenderContext,
): OutboundMessage {
  const listed = moves.slice(0, LISTED);
  const rest = moves.length - listed.length;
  const t = ctx.texts.lead;
  return {
    card: {
      title: t.assign.movedSummaryTitle(formatCount(moves.length, ctx)),
      fields: [],
      markdown: [
        ...listed.map((m) => movedLine(m, ctx)),
        ...(rest > 0 ? [t.summary.more(formatCount(rest, ctx))] : []),
      ].join('\n'),
      buttons: [],
    },
  };
}

function movedLine(m: LeadMovedAwayData, ctx: RenderContext): string {
  const a = ctx.texts.lead.assign;
  const code = m.code ?? m.leadId;
  const who = [m.name, m.company].filter(Boolean).join(' · ');
  const line = m.toName ? a.movedTo(code, m.byName, m.toName) : a.movedToPool(code, m.byName);
  return who ? `${line} · ${who}` : line;
}
