import type { Org } from '../org/index.js';
import { addBusinessHours } from '../shared/business-hours.js';
import { remindAtPercentOf, slaHoursOf } from './after-sales-settings.js';
import type { Priority, SlaStep, Task } from './after-sales-types.js';

/** `hours` after `from`, in working time when the org sets business hours, else around the clock. */
function after(org: Pick<Org, 'settings'>, from: Date, hours: number): Date {
  const bh = org.settings.businessHours;
  return bh
    ? addBusinessHours(from, hours, bh, org.settings.timeZone)
    : new Date(from.getTime() + hours * 3_600_000);
}

/** A new task's due time and reminder time, from its priority and the org's settings. */
export function taskTimes(org: Pick<Org, 'settings'>, priority: Priority, from: Date) {
  const hours = slaHoursOf(org, priority);
  return {
    slaHours: hours,
    dueAt: after(org, from, hours),
    remindAt: after(org, from, (hours * remindAtPercentOf(org)) / 100),
  };
}

/**
 * The SLA step a running task waits for, the one place it is decided: the reminder until it is sent, then the due
 * time until the manager is told, then nothing. A paused task, one in review or one done waits for none.
 */
export function slaPlan(
  task: Pick<Task, 'status' | 'remindAt' | 'dueAt' | 'remindedAt' | 'dueNotifiedAt'>,
): { readonly slaStep: SlaStep; readonly slaDueAt: Date } | undefined {
  if (task.status !== 'open' && task.status !== 'in_progress') return undefined;
  if (!task.remindedAt && !task.dueNotifiedAt) return { slaStep: 'remind', slaDueAt: task.remindAt };
  if (!task.dueNotifiedAt) return { slaStep: 'due', slaDueAt: task.dueAt };
  return undefined;
}

/** The task's SLA fields after a change: set when it waits for a step, unset otherwise. */
export function slaFields(task: Parameters<typeof slaPlan>[0]) {
  const plan = slaPlan(task);
  return plan ? { set: plan, unset: [] as const } : { set: {}, unset: ['slaStep', 'slaDueAt'] as const };
}

/** Whether the work was finished after its due time; the due time already moved on by every pause. */
export const isOverdue = (task: Pick<Task, 'dueAt'>, completedAt: Date): boolean =>
  completedAt.getTime() > task.dueAt.getTime();
