import type { Actor } from '../org/caller.js';
import { assertCan } from '../org/permissions.js';
import type { OrgRepository } from '../org/ports.js';
import { DomainError } from '../shared/errors.js';
import { parseInput } from '../shared/validate.js';
import { type ScoringConfig, scoringConfigSchema } from './score-lead.js';

/** Replaces the org's scoring table as a whole; leads already scored keep their score. */
export async function configureScoring(
  deps: { readonly orgs: OrgRepository },
  actor: Actor,
  raw: unknown,
): Promise<ScoringConfig> {
  assertCan(actor, 'routing.configure');
  const scoring = parseInput(scoringConfigSchema, raw) as ScoringConfig;
  const org = await deps.orgs.setScoring(actor.orgId, scoring);
  if (!org) throw new DomainError('ORG_NOT_FOUND', { orgId: actor.orgId });
  return scoring;
}
