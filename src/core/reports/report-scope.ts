import { type Caller, can } from '../org/index.js';
import { DomainError } from '../shared/errors.js';
import type { TeamId } from '../shared/ids.js';
import type { ReportScope } from './report-types.js';

/**
 * Who sees which figures, decided once for every reader (API, `/report`, digests, dashboard): a director or admin
 * (or an API token with those roles) the whole org or the team asked for; a manager the teams they manage and their
 * own; a rep their own figures beside their team's totals and medians; after-sales managers the after-sales figures.
 * Asking for a team outside one's scope is refused, never silently widened or narrowed.
 */
export function reportScope(caller: Caller, teamId: TeamId | undefined): ReportScope {
  const afterSales = can(caller, 'report.after_sales');
  const scope = salesScope(caller, teamId);
  if (!scope && !afterSales)
    throw new DomainError('FORBIDDEN', { action: 'report.read', roles: caller.roles });
  return scope ? { ...scope, sales: true, afterSales } : { sales: false, afterSales };
}

function salesScope(
  caller: Caller,
  teamId: TeamId | undefined,
): Omit<ReportScope, 'sales' | 'afterSales'> | undefined {
  if (can(caller, 'report.read_org')) return teamId ? { teamIds: [teamId] } : {};
  const member = caller.member;
  if (!member) return undefined;
  const own = member.teamId ? [member.teamId] : [];
  if (can(caller, 'report.read_team')) {
    const teams = [...new Set([...own, ...(caller.managedTeamIds ?? [])])];
    return { teamIds: pick(caller, teams, teamId) };
  }
  if (can(caller, 'report.read_own')) return { teamIds: pick(caller, own, teamId), onlyMemberId: member.id };
  return undefined;
}

function pick(caller: Caller, allowed: readonly TeamId[], asked: TeamId | undefined): TeamId[] {
  if (!asked) return [...allowed];
  if (!allowed.includes(asked))
    throw new DomainError('FORBIDDEN', { action: 'report.read_team', roles: caller.roles });
  return [asked];
}
