import { type AuditDeps, changedFields, recordAudit } from '../audit/index.js';
import type { Caller, MemberRepository, OrgRepository, TeamRepository } from '../org/index.js';
import { assertCan } from '../org/index.js';
import { DomainError, type FieldIssue, validationFailed } from '../shared/errors.js';
import { parseInput } from '../shared/validate.js';
import { type RoutingConfig, routingConfigSchema } from './routing-config.js';

const NO_SUCH_TEAM = { kind: 'no_such_team' } as const;

export type ConfigureRoutingDeps = {
  readonly orgs: OrgRepository;
  readonly teams: TeamRepository;
  readonly members: MemberRepository;
} & AuditDeps;

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
      issues.push({ field: `rules.${i}.teamId`, message: 'no such team in this org', problem: NO_SUCH_TEAM });
  });
  if (!teams.has(config.default.teamId))
    issues.push({ field: 'default.teamId', message: 'no such team in this org', problem: NO_SUCH_TEAM });
  const teamOf = new Map((await deps.members.list(caller.org.id)).map((m) => [m.id as string, m.teamId]));
  for (const [i, rule] of config.rules.entries()) issues.push(...weightIssues(rule, `rules.${i}`, teamOf));
  issues.push(...weightIssues(config.default, 'default', teamOf));
  if (issues.length > 0) throw validationFailed(issues);
  const org = await deps.orgs.setRouting(caller.org.id, config);
  if (!org) throw new DomainError('ORG_NOT_FOUND', { orgId: caller.org.id });
  const diff = changedFields({ routing: caller.org.settings.routing }, { routing: config });
  const target = { type: 'org', id: caller.org.id, label: caller.org.name };
  if (diff) await recordAudit(deps, caller, { kind: 'routing.update', target, ...diff });
  return config;
}

/** Weights name members of the target's own team: a weight for anyone else would never be used. */
function weightIssues(
  target: Pick<RoutingConfig['default'], 'teamId' | 'weights'>,
  field: string,
  teamOf: ReadonlyMap<string, string | undefined>,
): FieldIssue[] {
  if (target.weights === undefined || target.weights === 'conversion') return [];
  return Object.keys(target.weights)
    .filter((id) => teamOf.get(id) !== target.teamId)
    .map((id) => ({
      field: `${field}.weights.${id}`,
      message: 'not a member of this team',
      problem: { kind: 'not_in_team' },
    }));
}
