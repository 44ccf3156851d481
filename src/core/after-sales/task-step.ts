import { assertCan, type Caller, can } from '../org/index.js';
import { DomainError } from '../shared/errors.js';
import { assertOwnTask } from './after-sales-access.js';
import { findTask } from './after-sales-refs.js';
import type { ComplaintStatus, StatusEntry, Task, TaskStatus } from './after-sales-types.js';
import type { AfterSalesDeps, TaskChange } from './ports.js';

const TRIES = 3;

/** What the task's steps (start, pause, resume, report, decide) need: no orders, counters or members. */
export type TaskWorkDeps = Pick<AfterSalesDeps, 'tasks' | 'complaints' | 'notifier' | 'clock'>;

/** One step of a task's life: the statuses it starts from, the write, and how a retry of it is recognised. */
export type TaskStep = {
  readonly name: string;
  readonly from: readonly TaskStatus[];
  /** Only the assignee takes it (start, pause, report); the manager's decision is checked by its use-case. */
  readonly own: boolean;
  readonly change: (task: Task, now: Date) => TaskChange;
  /** The task already shows this step by this caller: a retry, answered without writing. */
  readonly done?: (task: Task) => boolean;
  /** The refusal when the task is past this step (another manager decided first …). */
  readonly refuse?: (task: Task) => DomainError | undefined;
};

/**
 * Reads the task and takes the step in one conditional write on the version read; when someone changed it
 * meanwhile (a pause and a report at once), reads it again and decides anew. `applied` is false for a retry.
 */
export async function stepTask(
  deps: Pick<AfterSalesDeps, 'tasks' | 'clock'>,
  caller: Caller,
  ref: string,
  step: TaskStep,
): Promise<{ task: Task; applied: boolean }> {
  const org = caller.org.id;
  // The assignee's steps: staff work their own tasks, an admin's integration any (checked before any read).
  if (step.own && !can(caller, 'task.work_any')) assertCan(caller, 'task.work');
  let task = await findTask(deps.tasks, org, ref);
  if (step.own && !can(caller, 'task.work_any')) assertOwnTask(caller, task);
  for (let attempt = 1; ; attempt++) {
    if (step.done?.(task)) return { task, applied: false };
    if (!step.from.includes(task.status))
      throw (
        step.refuse?.(task) ??
        new DomainError('TASK_STATUS_CONFLICT', { taskCode: task.code, status: task.status, step: step.name })
      );
    const updated = await deps.tasks.updateIf(
      org,
      task.id,
      task.version,
      step.change(task, deps.clock.now()),
    );
    if (updated) return { task: updated, applied: true };
    if (attempt >= TRIES) throw new DomainError('CONFLICT', { taskCode: task.code });
    task = await findTask(deps.tasks, org, task.id);
  }
}

/**
 * The complaint follows its task (已分配 → 处理中 → 待审核 → 已解决): one conditional write on the task's round, from
 * any status before `to` (so a mirror write lost in a crash is made up by the next one); a no-op when it is there.
 */
export async function followTask(
  deps: Pick<AfterSalesDeps, 'complaints'>,
  task: Task,
  from: readonly ComplaintStatus[],
  to: ComplaintStatus,
  entry: Omit<StatusEntry<ComplaintStatus>, 'to' | 'from'>,
  extra: { readonly resolvedAt?: Date } = {},
) {
  return deps.complaints.updateIf(
    task.orgId,
    task.complaintId,
    { status: from, round: task.round },
    {
      set: { status: to, ...extra },
      unset: ['taskPendingAt'],
      entry: { ...entry, ...(from[from.length - 1] ? { from: from[from.length - 1] } : {}), to },
    },
  );
}
