import type { Actor } from '../org/caller.js';
import { assertCan } from '../org/permissions.js';
import type { OrgRepository, TeamRepository } from '../org/ports.js';
import { DomainError, type FieldIssue, validationFailed } from '../shared/errors.js';
import { parseInput } from '../shared/validate.js';
import { type RoutingConfig, routingConfigSchema } from './routing-config.js';

export type ConfigureRoutingDeps = { readonly orgs: OrgRepository; readonly teams: TeamRepository };

/** Replaces the org's routing rules as a whole (one write), after checking every rule names a team of the org. */
export async function configureRouting(
  deps: ConfigureRoutingDeps,
  actor: Actor,
  raw: unknown,
): Promise<RoutingConfig> {
  assertCan(actor, 'routing.configure');
  // Team ids are checked against the org just below; the schema has already checked their shape.
  const config = parseInput(routingConfigSchema, raw) as unknown as RoutingConfig;
  const teams = new Set((await deps.teams.list(actor.orgId)).map((t) => t.id as string));
  const issues: FieldIssue[] = [];
  config.rules.forEach((rule, i) => {
    if (!teams.has(rule.teamId))
      issues.push({ field: `rules.${i}.teamId`, message: 'no such team in this org' });
  });
  if (!teams.has(config.default.teamId))
    issues.push({ field: 'default.teamId', message: 'no such team in this org' });
  if (issues.length > 0) throw validationFailed(issues);
  const org = await deps.orgs.setRouting(actor.orgId, config);
  if (!org) throw new DomainError('ORG_NOT_FOUND', { orgId: actor.orgId });
  return config;
}
