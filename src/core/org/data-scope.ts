import type { MemberId, TeamId } from '../shared/ids.js';
import type { Caller } from './caller.js';
import { can } from './permissions.js';

/**
 * Which records a caller sees, decided once for every reader (leadScope, and through it the lists, cards, exports).
 * Leads and customers: `org` for directors and admins (and org API tokens holding `lead.read_all`: an integration,
 * not a person with a team); `team` for a manager (their own team and every team they manage); `own` for a rep
 * (their own and their team's public pool). Complaints: all for the complaint centre, a salesperson their
 * customers', staff their tasks'. Tasks: all for after-sales managers, directors and admins; staff their own.
 */
export type LeadDataScope =
  | { readonly kind: 'org' }
  | { readonly kind: 'team'; readonly memberId: MemberId; readonly teamIds: readonly TeamId[] }
  | { readonly kind: 'own'; readonly memberId: MemberId; readonly teamId?: TeamId }
  | { readonly kind: 'none' };

export type DataScope = {
  readonly leads: LeadDataScope;
  readonly complaints: 'all' | 'own_customers' | 'own_tasks' | 'none';
  readonly tasks: 'all' | 'own' | 'none';
};

export function dataScope(caller: Caller): DataScope {
  return { leads: leadDataScope(caller), complaints: complaintScope(caller), tasks: taskScope(caller) };
}

function leadDataScope(caller: Caller): LeadDataScope {
  const member = caller.member;
  if (can(caller, 'lead.read_org') || (caller.kind !== 'member' && can(caller, 'lead.read_all'))) {
    return { kind: 'org' };
  }
  if (!member) return { kind: 'none' };
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

function complaintScope(caller: Caller): DataScope['complaints'] {
  if (can(caller, 'complaint.read_all')) return 'all';
  if (!caller.member) return 'none';
  if (can(caller, 'task.work')) return 'own_tasks';
  return can(caller, 'lead.read') ? 'own_customers' : 'none';
}

function taskScope(caller: Caller): DataScope['tasks'] {
  if (can(caller, 'task.read_all')) return 'all';
  return caller.member && can(caller, 'task.work') ? 'own' : 'none';
}
