import { type Caller, dataScope, type Member, type MemberRepository } from '../org/index.js';
import { DomainError } from '../shared/errors.js';
import type { Actor, Complaint, Task } from './after-sales-types.js';
import type { ComplaintQuery, TaskQuery } from './ports.js';

/** Who acted, as stored: the member, or nobody named (an API client, the system). */
export const actorOf = (caller: Caller): Actor =>
  caller.member ? { memberId: caller.member.id, name: caller.member.name } : {};

/** A complaint query's scope part: `{}` every complaint, else these owners' customers' or this assignee's. */
export type ComplaintReach = Pick<ComplaintQuery, 'customerOwnerIds' | 'assigneeId'>;

/**
 * Whose complaints a caller sees, in lists, single reads and exports alike: every one (the complaint centre), their
 * teams' people's customers' (a sales manager: their teams' members and themselves), their own customers' (a rep),
 * the ones assigned to them (after-sales staff); undefined: none. The one data-scope rule (core/org/data-scope.ts)
 * as a complaint query. `members`: the org's members, read by the
 * caller only when the scope is `team` (complaintReachOf does), since a complaint carries its customer's owner, not a team.
 */
export function complaintScope(caller: Caller, members: readonly Member[] = []): ComplaintReach | undefined {
  const scope = dataScope(caller);
  const member = caller.member;
  if (scope.complaints === 'all') return {};
  if (!member || scope.complaints === 'none') return undefined;
  if (scope.complaints === 'own_tasks') return { assigneeId: member.id };
  // `team` comes only with a `team` lead scope (data-scope.ts); the second test is there for the type's sake.
  if (scope.complaints === 'own_customers' || scope.leads.kind !== 'team')
    return { customerOwnerIds: [member.id] };
  const teamIds = scope.leads.teamIds;
  const people = members.filter((m) => m.teamId !== undefined && teamIds.includes(m.teamId)).map((m) => m.id);
  return { customerOwnerIds: [...new Set([member.id, ...people])] };
}

/** complaintScope with the member list read when (and only when) the scope needs it: one command, for a manager. */
export async function complaintReachOf(
  deps: { readonly members: Pick<MemberRepository, 'list'> },
  caller: Caller,
): Promise<ComplaintReach | undefined> {
  const team = dataScope(caller).complaints === 'team';
  return complaintScope(caller, team ? await deps.members.list(caller.org.id) : []);
}

/** Whether one complaint is within a reach: what a list with that reach would return, for one. */
export function inComplaintReach(reach: ComplaintReach | undefined, complaint: Complaint): boolean {
  if (!reach) return false;
  if (reach.assigneeId !== undefined) return complaint.assigneeId === reach.assigneeId;
  if (reach.customerOwnerIds !== undefined)
    return (
      complaint.customerOwnerId !== undefined && reach.customerOwnerIds.includes(complaint.customerOwnerId)
    );
  return true;
}

/** Whose tasks a caller may list: all (after-sales managers, directors, admins), else their own. */
export function taskScope(caller: Caller): Pick<TaskQuery, 'assigneeId'> {
  if (dataScope(caller).tasks === 'all') return {};
  const member = caller.member;
  if (!member) throw new DomainError('FORBIDDEN', { action: 'task.read', roles: caller.roles });
  return { assigneeId: member.id };
}

/** The assignee's own act on their task (start, pause, report): anyone else is refused, naming the assignee. */
export function assertOwnTask(caller: Caller, task: Task): void {
  if (caller.member?.id !== task.assigneeId)
    throw new DomainError('TASK_NOT_YOURS', { taskCode: task.code, assigneeName: task.assigneeName });
}
