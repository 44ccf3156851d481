import { type AuditDeps, changedFields, recordAudit } from '../audit/index.js';
import type { Caller, OrgRepository } from '../org/index.js';
import { assertCan } from '../org/index.js';
import { DomainError } from '../shared/errors.js';
import { parseInput } from '../shared/validate.js';
import { type ScoringConfig, scoringConfigSchema } from './score-lead.js';

/** Replaces the org's scoring table as a whole; leads already scored keep their score. */
export async function configureScoring(
  deps: { readonly orgs: OrgRepository } & AuditDeps,
  caller: Caller,
  input: { readonly scoring: unknown },
): Promise<ScoringConfig> {
  assertCan(caller, 'routing.configure');
  const scoring = parseInput(scoringConfigSchema, input.scoring) as ScoringConfig;
  const org = await deps.orgs.setScoring(caller.org.id, scoring);
  if (!org) throw new DomainError('ORG_NOT_FOUND', { orgId: caller.org.id });
  const diff = changedFields({ scoring: caller.org.settings.scoring }, { scoring });
  const target = { type: 'org', id: caller.org.id, label: caller.org.name };
  if (diff) await recordAudit(deps, caller, { kind: 'scoring.update', target, ...diff });
  return scoring;
}
