import { type Action, type Caller, can, dataScope, type LeadDataScope } from '../org/index.js';
import { DomainError } from '../shared/errors.js';
import type { TeamId } from '../shared/ids.js';
import type { ReportScope } from './report-types.js';

/** The report permission each width of the lead scope needs: a role reads the figures of what it sees, if allowed. */
const READ_ACTION: Readonly<Record<Exclude<LeadDataScope['kind'], 'none'>, Action>> = {
  org: 'report.read_org',
  team: 'report.read_team',
  own: 'report.read_own',
};

/**
 * Who sees which figures, decided once for every reader (API, `/report`, digests, dashboard). The width is the
 * caller's lead scope (core/org/data-scope.ts), the same the lists and exports apply: a director or admin (or an
 * API token with those roles) the whole org or the team asked for; a manager the teams they manage and their own;
 * a rep their own figures beside their team's totals and medians. The report permission of that width must be held
 * too (report.read_org / read_team / read_own), and after-sales managers get the after-sales figures
 * (report.after_sales). Asking for a team outside one's scope is refused, never silently widened or narrowed.
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
  const leads = dataScope(caller).leads;
  if (leads.kind === 'none' || !can(caller, READ_ACTION[leads.kind])) return undefined;
  if (leads.kind === 'org') return teamId ? { teamIds: [teamId] } : {};
  if (leads.kind === 'team') return { teamIds: pick(caller, leads.teamIds, teamId) };
  const own = leads.teamId ? [leads.teamId] : [];
  return { teamIds: pick(caller, own, teamId), onlyMemberId: leads.memberId };
}

function pick(caller: Caller, allowed: readonly TeamId[], asked: TeamId | undefined): TeamId[] {
  if (!asked) return [...allowed];
  if (!allowed.includes(asked))
    throw new DomainError('FORBIDDEN', { action: 'report.read_team', roles: caller.roles });
  return [asked];
}
