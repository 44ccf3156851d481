import { type Caller, can, dataScope } from '../org/index.js';
import { DomainError } from '../shared/errors.js';
import type { Actor, Complaint, Task } from './after-sales-types.js';
import type { ComplaintQuery, TaskQuery } from './ports.js';

/** Who acted, as stored: the member, or nobody named (an API client, the system). */
export const actorOf = (caller: Caller): Actor =>
  caller.member ? { memberId: caller.member.id, name: caller.member.name } : {};

/**
 * Whose complaints a caller may list: every one (the complaint centre), else their own customers' (a sales rep or
 * manager) and the ones assigned to them (after-sales staff). Undefined: none.
 */
export function complaintScope(
  caller: Caller,
): Pick<ComplaintQuery, 'customerOwnerId' | 'assigneeId'> | undefined {
  // The one data-scope rule (core/org/data-scope.ts), as a query.
  const scope = dataScope(caller).complaints;
  const member = caller.member;
  if (scope === 'all') return {};
  if (!member || scope === 'none') return undefined;
  return scope === 'own_tasks' ? { assigneeId: member.id } : { customerOwnerId: member.id };
}

/** Whether the caller may see this complaint (the scope above, for one). */
export function canSeeComplaint(caller: Caller, complaint: Complaint): boolean {
  if (can(caller, 'complaint.read_all')) return true;
  const id = caller.member?.id;
  return id !== undefined && (complaint.customerOwnerId === id || complaint.assigneeId === id);
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
