import { z } from 'zod';
import type { Caller } from '../org/index.js';
import { parseInput } from '../shared/validate.js';
import { actorOf } from './after-sales-access.js';
import { taskUpdateNotice } from './after-sales-notices.js';
import { PAUSE_REASONS, type Task } from './after-sales-types.js';
import { stepTask, type TaskWorkDeps } from './task-step.js';

/** The pauses a task keeps (the newest): enough to show them, bounded like every history. */
const PAUSES_KEPT = 20;

const pauseSchema = z.strictObject({ task: z.string().min(1).max(60), reason: z.enum(PAUSE_REASONS) });

/**
 * The assignee pauses a task while waiting for the customer or for parts (挂起): the SLA clock stops (no reminder
 * fires, the due time will move on by the paused time at resume) and the pause is recorded with its reason.
 */
export async function pauseTask(
  deps: TaskWorkDeps,
  caller: Caller,
  input: { readonly task: string; readonly reason: string },
): Promise<Task> {
  const given = parseInput(pauseSchema, input);
  const by = actorOf(caller);
  const { task } = await stepTask(deps, caller, given.task, {
    name: 'pause',
    from: ['open', 'in_progress'],
    own: true,
    done: (t) => t.status === 'paused',
    change: (t, now) => ({
      set: {
        status: 'paused',
        pausedAt: now,
        pauses: [...t.pauses, { at: now, reason: given.reason }].slice(-PAUSES_KEPT),
      },
      unset: ['slaStep', 'slaDueAt'],
      entry: { at: now, from: t.status, to: 'paused', by, pause: given.reason },
    }),
  });
  // The card shows the pause (or the running clock again) and its buttons, in place.
  await deps.notifier.publish(task.orgId, [taskUpdateNotice(task)]);
  return task;
}
