import type { Lead } from '../../core/leads/lead-types.js';

/**
 * Where a lead stands in the sale as the API shows it: its stage (with what entering it recorded), its contact plan
 * and its latest follow-up. Kept apart from `leadJson` because these three grew with the follow-ups issue and a
 * client reading a lead's progress wants them together. Times are ISO strings; absent parts are left out.
 */
export function leadProgressJson(lead: Lead) {
  const { stage, plan, lastFollowUp } = lead;
  return {
    ...(stage
      ? {
          stage: {
            key: stage.key,
            ...(stage.name ? { name: stage.name } : {}),
            ...(stage.kind ? { kind: stage.kind } : {}),
            since: stage.since.toISOString(),
            ...(stage.quote ? { quote: stage.quote } : {}),
            ...(stage.deal ? { deal: { ...stage.deal, signedAt: stage.deal.signedAt.toISOString() } } : {}),
            ...(stage.loss ? { loss: stage.loss } : {}),
          },
        }
      : {}),
    ...(plan && Object.keys(plan).length > 0
      ? {
          plan: Object.fromEntries(
            Object.entries(plan).flatMap(([k, v]) => (v instanceof Date ? [[k, v.toISOString()]] : [])),
          ),
        }
      : {}),
    ...(lastFollowUp ? { lastFollowUp: { ...lastFollowUp, at: lastFollowUp.at.toISOString() } } : {}),
    ...(lead.customerId ? { customerId: lead.customerId } : {}),
  };
}
