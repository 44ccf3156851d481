import { DomainError } from '../shared/errors.js';
import type { Caller } from './caller.js';
import type { Role } from './types.js';

/**
 * What each role may do. One table, so a reviewer can read the whole policy at once.
 * Actions are `area.verb`; a use-case names the action it performs and calls `assertCan`.
 */
const POLICY = {
  'org.read': ['admin', 'director', 'manager', 'rep', 'aftersales'],
  'org.configure': ['admin'],
  'member.list': ['admin', 'director', 'manager', 'rep', 'aftersales'],
  'member.set_availability.self': ['admin', 'director', 'manager', 'rep', 'aftersales'],
  'member.set_availability.other': ['admin', 'director', 'manager'],
  'member.see_phone': ['admin', 'director', 'manager'],
  'token.issue': ['admin'],
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

export function rolesAllowed(action: Action): readonly Role[] {
  return POLICY[action];
}
