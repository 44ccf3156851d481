import { z } from 'zod';
import { assertCan, type Caller, can } from '../org/index.js';
import { parseInput } from '../shared/validate.js';
import { actorOf } from './after-sales-access.js';
import { PAUSE_REASONS, type Task } from './after-sales-types.js';
import type { AfterSalesDeps } from './ports.js';
import { slaPlan } from './task-sla.js';
import { stepTask } from './task-step.js';

/** The pauses a task keeps (the newest): enough to show them, bounded like every history. */
const PAUSES_KEPT = 20;

const pauseSchema = z.strictObject({ task: z.string().min(1).max(60), reason: z.enum(PAUSE_REASONS) });

/**
 * The assignee pauses a task while waiting for the customer or for parts (挂起): the SLA clock stops (no reminder
 * fires, the due time will move on by the paused time at resume) and the pause is recorded with its reason.
 */
export async function pauseTask(
  deps: AfterSalesDeps,
  caller: Caller,
  input: { readonly task: string; readonly reason: string },
): Promise<Task> {
  if (!can(caller, 'task.work_any')) assertCan(caller, 'task.work');
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
  return task;
}

/** The wait is over: the task 处理中 again, its due and reminder times moved on by the time it was paused. */
export async function resumeTask(
  deps: AfterSalesDeps,
  caller: Caller,
  input: { readonly task: string },
): Promise<Task> {
  if (!can(caller, 'task.work_any')) assertCan(caller, 'task.work');
  const by = actorOf(caller);
  const { task } = await stepTask(deps, caller, input.task, {
    name: 'resume',
    from: ['paused'],
    own: true,
    change: (t, now) => {
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
    },
  });
  return task;
}
