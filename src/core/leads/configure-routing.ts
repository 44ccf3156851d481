import type { Caller, OrgRepository, TeamRepository } from '../org/index.js';
import { assertCan } from '../org/index.js';
import { DomainError, type FieldIssue, validationFailed } from '../shared/errors.js';
import { parseInput } from '../shared/validate.js';
import { type RoutingConfig, routingConfigSchema } from './routing-config.js';

export type ConfigureRoutingDeps = { readonly orgs: OrgRepository; readonly teams: TeamRepository };

/** Replaces the org's routing rules as a whole (one write), after checking every rule names a team of the org. */
export async function configureRouting(
  deps: ConfigureRoutingDeps,
  caller: Caller,
  input: { readonly routing: unknown },
): Promise<RoutingConfig> {
  assertCan(caller, 'routing.configure');
  // Team ids are checked against the org just below; the schema has already checked their shape.
  const config = parseInput(routingConfigSchema, input.routing) as unknown as RoutingConfig;
  const teams = new Set((await deps.teams.list(caller.org.id)).map((t) => t.id as string));
  const issues: FieldIssue[] = [];
  config.rules.forEach((rule, i) => {
    if (!teams.has(rule.teamId))
      issues.push({ field: `rules.${i}.teamId`, message: 'no such team in this org' });
  });
  if (!teams.has(config.default.teamId))
    issues.push({ field: 'default.teamId', message: 'no such team in this org' });
  if (issues.length > 0) throw validationFailed(issues);
  const org = await deps.orgs.setRouting(caller.org.id, config);
  if (!org) throw new DomainError('ORG_NOT_FOUND', { orgId: caller.org.id });
  return config;
}
