import type { LeadRepository } from '../../core/leads/index.js';
import { leadCardData } from '../../core/leads/index.js';
import { countPoolLeads, listPoolLeads } from '../../core/pools/index.js';
import { teamId } from '../../core/shared/ids.js';
import type { CommandHandler } from '../registry.js';
import { leadCard } from '../render/lead-card.js';

const SHOWN = 10;

/**
 * `/pool` (`/公海`): the newest leads in the member's team pool as cards with Claim buttons, drawn as in a
 * channel (phone masked), so the same card and rules apply as to the pool cards posted by routing.
 */
export function poolCommand(deps: { leads: LeadRepository }): CommandHandler {
  return async (ctx) => {
    const [leads, total] = await Promise.all([
      listPoolLeads(deps, ctx.caller, { limit: SHOWN }),
      countPoolLeads(deps, ctx.caller),
    ]);
    const t = ctx.texts.lead.pool;
    if (leads.length === 0) return { replies: [{ text: t.empty }] };
    const render = { texts: ctx.texts, locale: ctx.locale, timeZone: ctx.org.settings.timeZone };
    const cards = leads.map((lead) =>
      // Drawn as in a channel (masked, Claim only); an org-wide pool lead (no rules yet) has no team of its own.
      leadCard(leadCardData(lead), {
        ...render,
        to: { kind: 'team', teamId: lead.teamId ?? teamId('org-pool') },
      }),
    );
    // The whole pool is counted (what the API lists for the same member), and the header says how many it shows.
    return { replies: [{ text: t.header(Math.max(total, leads.length), leads.length) }, ...cards] };
  };
}
