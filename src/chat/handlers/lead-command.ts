import type { Lead } from '../../core/leads/index.js';
import { leadCardData, listMyLeads, showLead } from '../../core/leads/index.js';
import { type ClaimDeps, claimLead, releaseLead } from '../../core/pools/index.js';
import { DomainError } from '../../core/shared/errors.js';
import { leadId } from '../../core/shared/ids.js';
import type { OutboundMessage } from '../card.js';
import type { CommandHandler, HandlerContext } from '../registry.js';
import { reasonText } from '../render/event-reason.js';
import { leadCard } from '../render/lead-card.js';
import { formatTime } from '../render/render-context.js';

/**
 * `/lead` (`/线索`): with no argument, my open leads; `ID` shows one lead with its ownership history;
 * `claim ID` and `release ID reason` do what the card's buttons do, for platforms where typing is easier.
 */
export function leadCommand(deps: ClaimDeps): CommandHandler {
  return async (ctx, event) => {
    const [first, second, ...rest] = event.args;
    if (first === undefined) return { replies: [await myLeads(deps, ctx)] };
    if (first === 'claim' || first === '领取') {
      if (!second) throw new DomainError('BAD_COMMAND_ARGS', { command: 'lead' });
      await claimLead(deps, ctx.caller, { leadId: leadId(second) });
      return { replies: [{ text: ctx.texts.lead.claimed }] };
    }
    if (first === 'release' || first === '释放') {
      if (!second) throw new DomainError('BAD_COMMAND_ARGS', { command: 'lead' });
      const lead = await releaseLead(deps, ctx.caller, { leadId: leadId(second), reason: rest.join(' ') });
      return {
        replies: [{ text: lead.pendingRelease ? ctx.texts.lead.releaseRequested : ctx.texts.lead.released }],
      };
    }
    const lead = await showLead(deps, ctx.caller, { leadId: leadId(first) });
    return { replies: [withHistory(ctx, lead)] };
  };
}

function withHistory(ctx: HandlerContext, lead: Lead): OutboundMessage {
  const rendered = leadCard(leadCardData(lead), {
    texts: ctx.texts,
    locale: ctx.locale,
    timeZone: ctx.org.settings.timeZone,
    to: { kind: 'member', memberId: ctx.member.id },
  });
  const t = ctx.texts.lead.detail;
  const history = lead.history
    .map(
      (e) =>
        `${formatTime(e.at.toISOString(), { locale: ctx.locale, timeZone: ctx.org.settings.timeZone })} ${t.events[e.type] ?? e.type}${e.reason ? `：${reasonText(e.reason, ctx.texts.lead, e.type)}` : ''}`,
    )
    .join('\n');
  // A history cut to its newest events says so, so nobody reads it as the lead's whole story.
  const dropped = lead.historyDropped ? t.historyDropped(lead.historyDropped) : '';
  const card = rendered.card!;
  return {
    card: {
      ...card,
      markdown: [card.markdown, `**${t.history}**`, dropped, history].filter(Boolean).join('\n'),
    },
  };
}

async function myLeads(deps: ClaimDeps, ctx: HandlerContext): Promise<OutboundMessage> {
  const leads = await listMyLeads(deps, ctx.caller, { limit: 20 });
  const lines = leads.map(
    (l) =>
      `\`${l.id}\` ${[l.contact.name, l.contact.company].filter(Boolean).join(' · ')} — ${ctx.texts.lead.status[l.status](l.ownerName ?? '')}`,
  );
  return { text: lines.length > 0 ? lines.join('\n') : ctx.texts.lead.noOpenLeads };
}
