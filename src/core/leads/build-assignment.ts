import type { Assignment, AssignmentReason } from './lead-types.js';
import type { MatchedRule } from './routing-config.js';
import type { PickResult, Strategy } from './routing-types.js';

/** What routing found for one lead: the pick (absent: nobody was tried), the team's size and who was skipped. */
export type RoutingOutcome = {
  readonly pick?: Pick<PickResult, 'ownerId' | 'position'>;
  readonly teamSize: number;
  readonly skipped: Assignment['skipped'];
};

/**
 * The stored explanation of a routing decision, built the same way for single intake, batches and reroutes: to
 * the pool by strategy, to nobody eligible, or to the picked member, with the rule and strategy that decided it.
 */
export function buildAssignment(
  rule: MatchedRule,
  strategy: Strategy,
  now: Date,
  outcome: RoutingOutcome,
): Assignment {
  const base = { ruleId: rule.id, ruleName: rule.name, strategy, teamId: rule.teamId, at: now };
  if (strategy === 'pool') return { ...base, reason: 'pool_strategy', teamSize: 0, skipped: [] };
  const { pick, teamSize, skipped } = outcome;
  if (!pick?.ownerId) return { ...base, reason: 'no_eligible_member', teamSize, skipped };
  const reason: AssignmentReason =
    strategy !== rule.strategy ? 'batch_strategy' : rule.isDefault ? 'default_rule' : 'rule_matched';
  return {
    ...base,
    reason,
    ownerId: pick.ownerId,
    ...(pick.position !== undefined ? { position: pick.position } : {}),
    teamSize,
    skipped,
  };
}
