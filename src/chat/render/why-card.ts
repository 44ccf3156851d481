import type { Lead } from '../../core/leads/lead-types.js';
import type { OutboundMessage } from '../card.js';
import type { Catalogue } from '../texts/catalogue.js';

/** "Why me?": the rule, the strategy, the place in the rotation and who was passed over, in the reader's words. */
export function whyCard(lead: Lead, names: ReadonlyMap<string, string>, texts: Catalogue): OutboundMessage {
  const t = texts.lead;
  const a = lead.assignment;
  if (!a) return { text: t.reasons.no_routing_rules };
  // A hand move has no rule or rotation to explain: the reason line says who moved it.
  const routed = a.reason !== 'manual';
  const lines = [
    ...(routed ? [t.why.rule(a.ruleName), t.why.strategy(t.strategies[a.strategy])] : []),
    ...(a.position !== undefined ? [t.why.position(a.position, a.teamSize)] : []),
    `${t.why.reason}：${t.reasons[a.reason]}`,
    `${t.why.skipped}：${
      a.skipped.length === 0
        ? t.why.nobodySkipped
        : a.skipped.map((s) => `${names.get(s.memberId) ?? s.memberId}（${t.skipReasons[s.why]}）`).join('，')
    }`,
  ];
  return { card: { title: t.whyTitle, fields: [], markdown: lines.join('\n'), buttons: [] } };
}
