import type { MemberId, TeamId } from '../shared/ids.js';
import type { Caller } from './caller.js';
import { can } from './permissions.js';

/**
 * Which records a caller sees, decided once for every reader: the lead, customer, complaint and task lists and
 * single reads, chat cards, exports (core/exports/export-scope.ts) and reports (core/reports/report-scope.ts).
 * Leads: `org` for directors and admins (and org API tokens holding `lead.read_all`: an integration, not a person
 * with a team); `team` for a manager (their own team and every team they manage); `own` for a rep (their own and
 * their team's public pool); `none` for whoever may not read leads (after-sales).
 */
export type LeadDataScope =
  | { readonly kind: 'org' }
  | { readonly kind: 'team'; readonly memberId: MemberId; readonly teamIds: readonly TeamId[] }
  | { readonly kind: 'own'; readonly memberId: MemberId; readonly teamId?: TeamId }
  | { readonly kind: 'none' };

/**
 * Complaints: `all` for the complaint centre (after-sales managers, directors, admins); `team` for a sales manager
 * (the complaints of their teams' people's customers, as their leads are their teams'); `own_customers` for a rep;
 * `own_tasks` for after-sales staff (the ones assigned to them).
 */
export type ComplaintDataScope = 'all' | 'team' | 'own_customers' | 'own_tasks' | 'none';

export type DataScope = {
  readonly leads: LeadDataScope;
  /**
   * Customers and their orders: the leads' scope (a customer is a won lead, owned and teamed as it was), except
   * that after-sales (the complaint centre and its staff) serves every customer: complaints come in on any order.
   */
  readonly customers: LeadDataScope;
  readonly complaints: ComplaintDataScope;
  /** Tasks: all for after-sales managers, directors and admins; staff their own. */
  readonly tasks: 'all' | 'own' | 'none';
};

export function dataScope(caller: Caller): DataScope {
  const leads = leadDataScope(caller);
  return {
    leads,
    customers: servesEveryCustomer(caller) ? { kind: 'org' } : leads,
    complaints: complaintScope(caller, leads),
    tasks: taskScope(caller),
  };
}

function leadDataScope(caller: Caller): LeadDataScope {
  const member = caller.member;
  if (can(caller, 'lead.read_org') || (caller.kind !== 'member' && can(caller, 'lead.read_all'))) {
    return { kind: 'org' };
  }
  // No lead list at all (after-sales): none, so the matrix does not promise them an `own` they cannot read.
  if (!member || !can(caller, 'lead.read')) return { kind: 'none' };
  if (can(caller, 'lead.read_all')) {
    const own = member.teamId ? [member.teamId] : [];
    return {
      kind: 'team',
      memberId: member.id,
      teamIds: [...new Set([...own, ...(caller.managedTeamIds ?? [])])],
    };
  }
  return { kind: 'own', memberId: member.id, ...(member.teamId ? { teamId: member.teamId } : {}) };
}

/** The complaint centre, and after-sales staff (or a helpdesk's token acting as them) working any customer's complaint. */
const servesEveryCustomer = (caller: Caller): boolean =>
  can(caller, 'complaint.read_all') || can(caller, 'task.work');

function complaintScope(caller: Caller, leads: LeadDataScope): ComplaintDataScope {
  if (can(caller, 'complaint.read_all')) return 'all';
  if (!caller.member) return 'none';
  if (can(caller, 'task.work')) return 'own_tasks';
  if (!can(caller, 'lead.read')) return 'none';
  // A sales manager's complaints follow their leads: their teams' customers, not only their own.
  return leads.kind === 'team' ? 'team' : 'own_customers';
}

function taskScope(caller: Caller): DataScope['tasks'] {
  if (can(caller, 'task.read_all')) return 'all';
  return caller.member && can(caller, 'task.work') ? 'own' : 'none';
}
