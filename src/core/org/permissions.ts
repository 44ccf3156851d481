import { DomainError } from '../shared/errors.js';
import type { Caller } from './caller.js';
import type { Role } from './types.js';

/**
 * What each role may do. One table, so a reviewer can read the whole policy at once.
 * Actions are `area.verb`; a use-case names the action it performs and calls `assertCan`.
 */
const POLICY = {
  'org.read': ['admin', 'director', 'manager', 'rep', 'aftersales', 'aftersales_manager'],
  'org.configure': ['admin'],
  'member.list': ['admin', 'director', 'manager', 'rep', 'aftersales', 'aftersales_manager'],
  'member.set_availability.self': ['admin', 'director', 'manager', 'rep', 'aftersales', 'aftersales_manager'],
  'member.set_availability.other': ['admin', 'director', 'manager'],
  'member.see_phone': ['admin', 'director', 'manager'],
  'token.issue': ['admin'],
  /** A member's own API token (`/token` in a DM): acts as them, with their current roles and scope. */
  'token.issue_own': ['admin', 'director', 'manager', 'rep', 'aftersales', 'aftersales_manager'],
  /** A member leaves (core/offboarding): their leads, tasks, tokens and chat identities handed over or revoked. */
  'member.offboard': ['admin'],
  'lead.create': ['admin', 'director', 'manager'],
  /** Every lead of the org; members without it see their own and their team's pool. */
  'lead.read_all': ['admin', 'director', 'manager'],
  /** Of those, who sees (and moves) every team's leads; a manager in chat sees their own team's (leadScope). */
  'lead.read_org': ['admin', 'director'],
  /** Reassigning leads by hand or in bulk (assignLead, assignLeads); managers within their own team. */
  'lead.assign': ['admin', 'director', 'manager'],
  'lead.read': ['admin', 'director', 'manager', 'rep'],
  'lead.claim': ['manager', 'rep'],
  'lead.release': ['manager', 'rep'],
  'lead.set_deadline': ['admin', 'director'],
  'lead.follow_up': ['manager', 'rep'],
  /** An integration's token (a call system, a CRM) records a follow-up for the lead's owner, as its author. */
  'follow_up.record_for_owner': ['admin', 'director'],
  'lead.decide_release': ['admin', 'director'],
  'pool.view': ['admin', 'director', 'manager', 'rep'],
  'routing.read': ['admin', 'director', 'manager'],
  'routing.configure': ['admin'],
  /** After-sales (core/after-sales): anyone of the org, or an API client, may raise a complaint. */
  'complaint.raise': ['admin', 'director', 'manager', 'rep', 'aftersales', 'aftersales_manager'],
  /** The complaint centre: every complaint; others see their own customers' (sales) or their own tasks' (staff). */
  'complaint.read_all': ['admin', 'director', 'aftersales_manager'],
  /** Assigning, closing and reopening complaints, and deciding on reported hours: after-sales managers only. */
  'complaint.assign': ['admin', 'aftersales_manager'],
  'task.approve': ['admin', 'aftersales_manager'],
  /** Every task of the org (a manager's team is the org's after-sales staff); staff see their own. */
  'task.read_all': ['admin', 'director', 'aftersales_manager'],
  /** Starting, pausing and reporting hours on one's own task. */
  'task.work': ['aftersales', 'aftersales_manager'],
  /** An admin (an integration's token: a helpdesk, a web form) works a task on its assignee's behalf. */
  'task.work_any': ['admin'],
  'after_sales.figures': ['admin', 'director', 'aftersales_manager'],
  /** Entering orders (POST /orders, the order import); a manager for themselves and their teams' members only. */
  'order.create': ['admin', 'director', 'manager', 'aftersales_manager'],
  'order.create_any_owner': ['admin', 'director', 'aftersales_manager'],
  /** Reports (core/reports/report-scope.ts): the whole org, one's teams, one's own figures beside the team's. */
  'report.read_org': ['admin', 'director'],
  'report.read_team': ['manager'],
  'report.read_own': ['rep'],
  'report.after_sales': ['admin', 'director', 'aftersales_manager'],
  /** Campaign costs (PUT /api/v1/campaigns/:name), which the channel figures spread over leads and wins. */
  'campaign.set_cost': ['admin', 'director'],
  /** Backups through the API (core/backups): make, list and download the org's own. */
  'backup.manage': ['admin'],
  /** The audit trail (GET /api/v1/audit, the `audit` export): who changed what, when and from where. */
  'audit.read': ['admin'],
  /**
   * Exports (core/exports), each within the caller's data scope (export-scope.ts): a rep their own leads, customers,
   * orders and follow-ups; a manager their teams'; directors and admins all. After-sales staff export their own
   * tasks and complaints, not the customer list.
   */
  'export.leads': ['admin', 'director', 'manager', 'rep'],
  'export.follow_ups': ['admin', 'director', 'manager', 'rep'],
  'export.customers': ['admin', 'director', 'manager', 'rep', 'aftersales_manager'],
  'export.orders': ['admin', 'director', 'manager', 'rep', 'aftersales_manager'],
  'export.complaints': ['admin', 'director', 'manager', 'rep', 'aftersales', 'aftersales_manager'],
  'export.tasks': ['admin', 'director', 'aftersales', 'aftersales_manager'],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof POLICY;

export function can(caller: Pick<Caller, 'roles'>, action: Action): boolean {
  const allowed: readonly Role[] = POLICY[action];
  return caller.roles.some((role) => allowed.includes(role));
}

export function assertCan(caller: Pick<Caller, 'roles'>, action: Action): void {
  if (!can(caller, action)) {
    throw new DomainError('FORBIDDEN', { action, roles: caller.roles, allowed: POLICY[action] });
  }
}

/** Every action of the table, in its order: the permissions matrix and its test are generated from it. */
export const ACTIONS = Object.keys(POLICY) as Action[];

export function rolesAllowed(action: Action): readonly Role[] {
  return POLICY[action];
}
