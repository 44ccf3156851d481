import { z } from 'zod';
import { type AuditDeps, recordAudit } from '../audit/index.js';
import { assertCan, type Caller } from '../org/index.js';
import { DomainError } from '../shared/errors.js';
import { textField } from '../shared/text-field.js';
import { parseInput } from '../shared/validate.js';
import { actorOf } from './after-sales-access.js';
import { taskNotices } from './after-sales-notices.js';
import type { Task } from './after-sales-types.js';
import type { TaskChange } from './ports.js';
import { isOverdue, slaPlan } from './task-sla.js';
import { followTask, stepTask, type TaskWorkDeps } from './task-step.js';

/** 批准 (the reported hours), 调整工时 (other approved hours), 退回 (with a reason, back to 处理中). */
export const decideHoursSchema = z.discriminatedUnion('decision', [
  z.strictObject({ task: z.string().min(1).max(60), decision: z.literal('approve') }),
  z.strictObject({
    task: z.string().min(1).max(60),
    decision: z.literal('adjust'),
    hours: z.number().min(0).max(1000),
  }),
  z.strictObject({
    task: z.string().min(1).max(60),
    decision: z.literal('return'),
    reason: textField({ multiLine: true }).min(1).max(1000),
  }),
]);

export type DecideHoursInput = z.input<typeof decideHoursSchema>;
type Decision = z.output<typeof decideHoursSchema>;

/**
 * The manager decides on reported hours. Approving (or adjusting) records the approved hours and the approver,
 * flags the task overdue when it was finished after its due time (paused time excluded), resolves the complaint and
 * tells the assignee, the customer's sales owner and the reporter; returning sends the task back to 处理中 with the
 * reason. One conditional write per document (two managers at once: one decides, the other is told who did), plus
 * the keyed notices: four database commands.
 */
export async function decideHours(
  deps: TaskWorkDeps & AuditDeps,
  caller: Caller,
  input: DecideHoursInput,
): Promise<Task> {
  assertCan(caller, 'task.approve');
  const given = parseInput(decideHoursSchema, input);
  const by = actorOf(caller);
  const { task } = await stepTask(deps, caller, given.task, {
    name: given.decision,
    from: ['in_review'],
    own: false,
    // A platform's retry of the same click: the same manager's decision is already there.
    done: (t) =>
      by.memberId !== undefined &&
      t.history.at(-1)?.by.memberId === by.memberId &&
      t.history.at(-1)?.from === 'in_review' &&
      t.status === (given.decision === 'return' ? 'in_progress' : 'approved'),
    refuse: (t) =>
      t.history.at(-1)?.from === 'in_review'
        ? new DomainError('TASK_ALREADY_DECIDED', {
            taskCode: t.code,
            decidedByName: t.history.at(-1)?.by.name,
          })
        : undefined,
    change: (t, now) => decisionChange(t, given, by, now),
  });
  const now = deps.clock.now();
  if (given.decision === 'return') {
    await followTask(deps, task, ['in_review'], 'in_progress', { at: now, by, note: given.reason });
    await deps.notifier.publish(task.orgId, taskNotices(task, 'returned'));
  } else {
    await followTask(
      deps,
      task,
      ['assigned', 'in_progress', 'in_review'],
      'resolved',
      { at: now, by },
      {
        resolvedAt: task.approval?.at ?? now,
      },
    );
    await deps.notifier.publish(task.orgId, taskNotices(task, 'approved'));
  }
  // Keyed by the task's history length: a platform's retry of the same click finds the same task and key.
  await recordAudit(deps, caller, {
    kind: 'task.approval',
    target: { type: 'task', id: task.id, label: task.code },
    after: { decision: given.decision, hours: task.approval?.hours ?? null },
    key: `${task.id}@${task.history.length}`,
  });
  return task;
}

function decisionChange(t: Task, d: Decision, by: Task['history'][number]['by'], now: Date): TaskChange {
  if (d.decision === 'return') {
    const back = { ...t, status: 'in_progress' as const };
    const plan = slaPlan(back);
    return {
      set: { status: 'in_progress', ...plan },
      unset: plan ? ['report'] : ['report', 'slaStep', 'slaDueAt'],
      entry: { at: now, from: 'in_review', to: 'in_progress', by, note: d.reason },
    };
  }
  const reported = t.report?.hours ?? 0;
  const hours = d.decision === 'adjust' ? d.hours : reported;
  const completedAt = t.report?.completedAt ?? now;
  return {
    set: {
      status: 'approved',
      approval: { hours, by, at: now, adjusted: hours !== reported },
      overdue: isOverdue(t, completedAt),
    },
    unset: ['slaStep', 'slaDueAt'],
    entry: { at: now, from: 'in_review', to: 'approved', by },
  };
}
