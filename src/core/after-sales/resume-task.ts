import type { Caller } from '../org/index.js';
import { actorOf } from './after-sales-access.js';
import { taskUpdateNotice } from './after-sales-notices.js';
import type { Actor, Task } from './after-sales-types.js';
import type { TaskChange } from './ports.js';
import { slaPlan } from './task-sla.js';
import { stepTask, type TaskWorkDeps } from './task-step.js';

/** The wait is over: the task 处理中 again, its due and reminder times moved on by the time it was paused. */
export async function resumeTask(
  deps: TaskWorkDeps,
  caller: Caller,
  input: { readonly task: string },
): Promise<Task> {
  const { task } = await stepTask(deps, caller, input.task, {
    name: 'resume',
    own: true,
    from: ['paused'],
    change: (t, now) => resumeChange(t, now, actorOf(caller)),
  });
  // The card shows the pause (or the running clock again) and its buttons, in place.
  await deps.notifier.publish(task.orgId, [taskUpdateNotice(task)]);
  return task;
}

/** Paused time does not count: the due and reminder times move on by it, and the SLA waits for its next step. */
function resumeChange(t: Task, now: Date, by: Actor): TaskChange {
  const paused = Math.max(0, now.getTime() - (t.pausedAt ?? now).getTime());
  const moved = {
    status: 'in_progress' as const,
    dueAt: new Date(t.dueAt.getTime() + paused),
    remindAt: new Date(t.remindAt.getTime() + paused),
  };
  const plan = slaPlan({ ...t, ...moved });
  const last = t.pauses.at(-1);
  return {
    set: {
      ...moved,
      pausedMs: t.pausedMs + paused,
      pauses: last ? [...t.pauses.slice(0, -1), { ...last, until: now }] : t.pauses,
      ...plan,
    },
    unset: plan ? ['pausedAt'] : ['pausedAt', 'slaStep', 'slaDueAt'],
    entry: { at: now, from: 'paused', to: 'in_progress', by },
  };
}
