import { z } from 'zod';
import { assertCan, type Caller, can } from '../org/index.js';
import { DomainError } from '../shared/errors.js';
import { memberId } from '../shared/ids.js';
import { parseInput } from '../shared/validate.js';
import { taskScope } from './after-sales-access.js';
import { OPEN_TASK_STATUSES, TASK_STATUSES, type Task } from './after-sales-types.js';
import type { AfterSalesDeps } from './ports.js';

const listSchema = z.strictObject({
  assigneeId: z.string().min(1).max(100).optional(),
  status: z.enum(TASK_STATUSES).optional(),
  limit: z.number().int().min(1).max(200).default(50),
});

export type TaskLine = {
  readonly task: Task /** Past its due time and still open (not paused). */;
  readonly late: boolean;
};

/**
 * "My tasks" (我的任务): the caller's open tasks, overdue ones first, then by due time; after-sales managers (and
 * directors, admins) see every staff member's, or one's (`assigneeId`). One database command.
 */
export async function listTasks(
  deps: Pick<AfterSalesDeps, 'tasks' | 'clock'>,
  caller: Caller,
  input: z.input<typeof listSchema> = {},
): Promise<TaskLine[]> {
  if (!can(caller, 'task.read_all')) assertCan(caller, 'task.work');
  const given = parseInput(listSchema, input);
  const scope = taskScope(caller);
  if (scope.assigneeId && given.assigneeId && given.assigneeId !== scope.assigneeId)
    throw new DomainError('FORBIDDEN', { action: 'task.read_all', roles: caller.roles });
  const assignee = scope.assigneeId ?? (given.assigneeId ? memberId(given.assigneeId) : undefined);
  const tasks = await deps.tasks.list(caller.org.id, {
    ...(assignee ? { assigneeId: assignee } : {}),
    statuses: given.status ? [given.status] : OPEN_TASK_STATUSES,
    limit: given.limit,
  });
  const now = deps.clock.now().getTime();
  const lines = tasks.map((task) => ({
    task,
    late: OPEN_TASK_STATUSES.includes(task.status) && task.status !== 'paused' && task.dueAt.getTime() < now,
  }));
  // Overdue first; within each, the soonest due first (the repository's order).
  return [...lines.filter((l) => l.late), ...lines.filter((l) => !l.late)];
}
