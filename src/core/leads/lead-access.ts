import type { Caller, LeadDataScope } from '../org/index.js';
import { can, dataScope } from '../org/index.js';
import type { TeamId } from '../shared/ids.js';
import type { Lead } from './lead-types.js';

// Who may see and act on a lead, in one place for chat, the API, the lists and the jobs.

/**
 * Which leads a caller sees. `org`: all of them (admins, directors, and API tokens holding `lead.read_all`: a
 * token is an integration an admin issued, not a person with a team). `team`: a manager's teams' leads (their
 * own team and every team they manage, `Caller.managedTeamIds`) and their own. `own`: a member's own leads and
 * their team's public pool.
 */
export type LeadScope = LeadDataScope;

/** The leads part of the one data-scope rule (core/org/data-scope.ts). */
export function leadScope(caller: Caller): LeadScope {
  return dataScope(caller).leads;
}

/** Whether a team's leads are the scope's (a manager's teams); `org` has every team, `own` and `none` none. */
export function scopeHasTeam(scope: LeadScope, teamId: TeamId | undefined): boolean {
  if (scope.kind === 'org') return true;
  return scope.kind === 'team' && teamId !== undefined && scope.teamIds.includes(teamId);
}

/** Its card and history: see LeadScope. */
export function canSeeLead(caller: Caller, lead: Lead): boolean {
  const scope = leadScope(caller);
  if (scope.kind === 'org') return true;
  if (scope.kind === 'none') return false;
  if (lead.ownerId === scope.memberId) return true;
  if (scopeHasTeam(scope, lead.teamId)) return true;
  return (
    scope.kind === 'own' &&
    lead.teamId !== undefined &&
    lead.teamId === scope.teamId &&
    lead.status === 'pooled'
  );
}

/** Moving a lead by hand (assign, reassign, back to the pool): directors and admins any, managers their team's. */
export function canManageLead(caller: Caller, lead: Pick<Lead, 'teamId'>): boolean {
  if (!can(caller, 'lead.assign')) return false;
  return scopeHasTeam(leadScope(caller), lead.teamId);
}

/** Why routing chose as it did ("why me?"): the owner, the member routing picked, and who manages the lead. */
export function canSeeAssignment(caller: Caller, lead: Lead): boolean {
  if (scopeHasTeam(leadScope(caller), lead.teamId)) return true;
  const member = caller.member;
  return member !== undefined && (lead.ownerId === member.id || lead.assignment?.ownerId === member.id);
}
