import type { Caller } from '../org/index.js';
import { actorOf } from './after-sales-access.js';
import { taskUpdateNotice } from './after-sales-notices.js';
import type { Task } from './after-sales-types.js';
import { followTask, stepTask, type TaskWorkDeps } from './task-step.js';

/**
 * The assignee starts work (开始处理): the task 处理中, the complaint 处理中. Three database commands (the task, its
 * write, the complaint's write); a retry finds the task started and makes up a lost complaint write.
 */
export async function startTask(
  deps: TaskWorkDeps,
  caller: Caller,
  input: { readonly task: string },
): Promise<Task> {
  const by = actorOf(caller);
  const { task } = await stepTask(deps, caller, input.task, {
    name: 'start',
    from: ['open'],
    own: true,
    done: (t) => t.status !== 'open' && t.history.some((e) => e.to === 'in_progress'),
    change: (_t, now) => ({
      set: { status: 'in_progress' },
      entry: { at: now, from: 'open', to: 'in_progress', by },
    }),
  });
  await followTask(deps, task, ['assigned'], 'in_progress', { at: deps.clock.now(), by });
  // The card shows 处理中 and its new buttons, in place (a retry publishes the same keyed redraw).
  await deps.notifier.publish(task.orgId, [taskUpdateNotice(task)]);
  return task;
}
