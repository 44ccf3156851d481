import type { Lead } from '../../core/leads/index.js';
import { canManageLead, leadCardData, listMyLeads, showLead } from '../../core/leads/index.js';
import { type AssignDeps, assignLead, claimLead, releaseLead } from '../../core/pools/index.js';
import { DomainError } from '../../core/shared/errors.js';
import type { OutboundMessage } from '../card.js';
import type { CommandHandler, HandlerContext } from '../registry.js';
import { reasonText } from '../render/event-reason.js';
import { LEAD_ACTIONS, leadCard } from '../render/lead-card.js';
import { formatTime } from '../render/render-context.js';

/** What a mover types for "back to the pool". */
const TO_POOL = new Set(['pool', '公海']);

/**
 * `/lead` (`/线索`): with no argument, my open leads; `ID` shows one lead with its ownership history;
 * `claim ID` and `release ID reason` do what the card's buttons do, for platforms where typing is easier.
 */
export function leadCommand(deps: AssignDeps): CommandHandler {
  return async (ctx, event) => {
    const [first, second, ...rest] = event.args;
    if (first === undefined) return { replies: [await myLeads(deps, ctx)] };
    if (first === 'claim' || first === '领取') {
      if (!second) throw new DomainError('BAD_COMMAND_ARGS', { command: 'lead' });
      await claimLead(deps, ctx.caller, { leadId: second });
      return { replies: [{ text: ctx.texts.lead.claimed }] };
    }
    if (first === 'release' || first === '释放') {
      if (!second) throw new DomainError('BAD_COMMAND_ARGS', { command: 'lead' });
      const lead = await releaseLead(deps, ctx.caller, { leadId: second, reason: rest.join(' ') });
      return {
        replies: [{ text: lead.pendingRelease ? ctx.texts.lead.releaseRequested : ctx.texts.lead.released }],
      };
    }
    if (first === 'assign' || first === '分配') return { replies: [await assign(deps, ctx, rest, second)] };
    const lead = await showLead(deps, ctx.caller, { leadId: first });
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
      // Who may move the lead by hand gets 重新分配 on it.
      buttons: canManageLead(ctx.caller, lead) ? [...card.buttons, reassignButton(ctx, lead)] : card.buttons,
    },
  };
}

async function myLeads(deps: AssignDeps, ctx: HandlerContext): Promise<OutboundMessage> {
  const leads = await listMyLeads(deps, ctx.caller, { limit: 20 });
  const lines = leads.map(
    (l) =>
      `\`${l.code ?? l.id}\` ${[l.contact.name, l.contact.company].filter(Boolean).join(' · ')} — ${ctx.texts.lead.status[l.status](l.ownerName ?? '')}`,
  );
  return { text: lines.length > 0 ? lines.join('\n') : ctx.texts.lead.noOpenLeads };
}

/** `assign 编号 成员 [原因]`: a hand move; `公海` (or `pool`) as the member sends the lead back to the pool. */
async function assign(
  deps: AssignDeps,
  ctx: HandlerContext,
  words: readonly string[],
  ref: string | undefined,
): Promise<OutboundMessage> {
  const [to, ...reason] = words;
  if (!ref || !to) throw new DomainError('BAD_COMMAND_ARGS', { command: 'lead' });
  const lead = await assignLead(deps, ctx.caller, {
    leadId: ref,
    to: TO_POOL.has(to.toLowerCase()) ? 'pool' : to,
    ...(reason.length > 0 ? { reason: reason.join(' ') } : {}),
  });
  const t = ctx.texts.lead.assign;
  const code = lead.code ?? lead.id;
  return { text: lead.ownerName ? t.done(code, lead.ownerName) : t.toPool(code) };
}

const reassignButton = (ctx: HandlerContext, lead: Lead) => ({
  actionId: LEAD_ACTIONS.assign,
  label: ctx.texts.lead.assign.button,
  value: lead.id,
});
