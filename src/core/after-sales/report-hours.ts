import { z } from 'zod';
import type { Caller } from '../org/index.js';
import { validationFailed } from '../shared/errors.js';
import { textField } from '../shared/text-field.js';
import { parseInput } from '../shared/validate.js';
import { actorOf } from './after-sales-access.js';
import { taskNotices } from './after-sales-notices.js';
import type { Task } from './after-sales-types.js';
import { followTask, stepTask, type TaskWorkDeps } from './task-step.js';

/** A report may name a completion time a little ahead of the server's clock (a phone's clock runs fast). */
const CLOCK_SKEW_MS = 5 * 60_000;

export const reportHoursSchema = z.strictObject({
  task: z.string().min(1).max(60),
  completedAt: z.coerce.date(),
  hours: z.number().positive().max(1000),
  result: textField({ multiLine: true }).min(1).max(4000),
});

export type ReportHoursInput = z.input<typeof reportHoursSchema>;

/**
 * The assignee reports completion (工时填报): the actual completion time, the hours and the result as typed; the task
 * goes 待审核 (its SLA clock stops), the complaint follows, the managers get the approval card. Four database
 * commands. A retry with the same report writes nothing and publishes the same (keyed) card.
 */
export async function reportHours(
  deps: TaskWorkDeps,
  caller: Caller,
  input: ReportHoursInput,
): Promise<Task> {
  const given = parseInput(reportHoursSchema, input);
  const now = deps.clock.now();
  if (given.completedAt.getTime() > now.getTime() + CLOCK_SKEW_MS)
    throw validationFailed([
      {
        field: 'completedAt',
        message: 'a completion time cannot be ahead',
        problem: { kind: 'out_of_order' },
      },
    ]);
  const by = actorOf(caller);
  const same = (t: Task) =>
    t.status === 'in_review' &&
    t.report?.hours === given.hours &&
    t.report.completedAt.getTime() === given.completedAt.getTime();
  const { task } = await stepTask(deps, caller, given.task, {
    name: 'report',
    from: ['open', 'in_progress'],
    own: true,
    done: same,
    change: (t, at) => ({
      set: {
        status: 'in_review',
        report: { completedAt: given.completedAt, hours: given.hours, result: given.result, reportedAt: at },
      },
      unset: ['slaStep', 'slaDueAt'],
      entry: { at, from: t.status, to: 'in_review', by },
    }),
  });
  await followTask(deps, task, ['assigned', 'in_progress'], 'in_review', { at: now, by });
  await deps.notifier.publish(task.orgId, taskNotices(task, 'review'));
  return task;
}
