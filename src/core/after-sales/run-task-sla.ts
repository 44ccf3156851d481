import type { Org, OrgRepository } from '../org/index.js';
import type { Clock } from '../shared/clock.js';
import type { MemberId, OrgId } from '../shared/ids.js';
import type { Notice, Notifier } from '../shared/notices.js';
import { taskNotices } from './after-sales-notices.js';
import type { Complaint, Task } from './after-sales-types.js';
import { ensureTask } from './assign-complaint.js';
import type { ComplaintRepository, TaskChange, TaskRepository } from './ports.js';
import { slaPlan } from './task-sla.js';

export type TaskSlaDeps = {
  readonly tasks: TaskRepository;
  readonly complaints: ComplaintRepository;
  readonly orgs: Pick<OrgRepository, 'get'>;
  readonly notifier: Notifier;
  readonly clock: Clock;
};

const BATCH = 200;
/** An assignment whose task is not seen this long after is taken as cut short by a crash. */
export const TASK_PENDING_GRACE_MS = 2 * 60_000;

/**
 * The SLA job. Each running task stores its next step and when it is due (`slaStep`, `slaDueAt`, indexed), so a
 * run reads only what is due (its cost follows what is due, not what is open): at 75 % of the time the assignee is
 * reminded, at the due time the managers are told. Each step is one conditional write on the version read, so a
 * second runner, or this one again after a crash, finds it taken. The batch's notices are published first, keyed by
 * the version each write will make: a crash between the two is finished by the next run without a second card, and
 * the loser of a race between runners publishes the very keys the winner did (dropped). Then it completes
 * assignments a crash left without their task.
 */
export async function runTaskSla(deps: TaskSlaDeps): Promise<number> {
  const now = deps.clock.now();
  const tried = new Set<string>();
  let done = 0;
  for (;;) {
    const due = (await deps.tasks.findSlaDue(now, BATCH)).filter((t) => !tried.has(`${t.id}:${t.version}`));
    if (due.length === 0) break;
    const steps = due.flatMap((task) => {
      tried.add(`${task.id}:${task.version}`);
      const step = slaStepChange(task, now);
      return step ? [{ task, ...step }] : [];
    });
    const notices = new Map<OrgId, Notice[]>();
    for (const { task, change, moment } of steps) {
      const after = { ...task, ...change.set, version: task.version + 1 } as Task;
      notices.set(task.orgId, (notices.get(task.orgId) ?? []).concat(taskNotices(after, moment)));
    }
    for (const [orgId, list] of notices) await deps.notifier.publish(orgId, list);
    for (const { task, change } of steps)
      if (await deps.tasks.updateIf(task.orgId, task.id, task.version, change)) done++;
  }
  await completeAssignments(deps, now);
  return done;
}

/** The write of a task's due SLA step: the reminder (then the due time waits), or the due time (then nothing). */
function slaStepChange(task: Task, now: Date): { change: TaskChange; moment: 'remind' | 'due' } | undefined {
  if (task.slaStep === 'remind') {
    const plan = slaPlan({ ...task, remindedAt: now });
    return {
      moment: 'remind',
      change: { set: { remindedAt: now, ...plan }, ...(plan ? {} : { unset: ['slaStep', 'slaDueAt'] }) },
    };
  }
  if (task.slaStep === 'due')
    return { moment: 'due', change: { set: { dueNotifiedAt: now }, unset: ['slaStep', 'slaDueAt'] } };
  return undefined;
}

/**
 * Assignments whose task write was lost (the complaint 已分配, `taskPendingAt` older than the grace): the task is
 * inserted (or found) and its card published, then the mark cleared in one conditional write on the same round.
 */
export async function completeAssignments(deps: TaskSlaDeps, now: Date): Promise<number> {
  const pending = await deps.complaints.findTaskPending(
    new Date(now.getTime() - TASK_PENDING_GRACE_MS),
    BATCH,
  );
  const orgs = new Map<OrgId, Promise<Org | undefined>>();
  let done = 0;
  for (const complaint of pending) {
    if (!orgs.has(complaint.orgId)) orgs.set(complaint.orgId, deps.orgs.get(complaint.orgId));
    const org = await orgs.get(complaint.orgId);
    if (!org || !complaint.assigneeId) continue;
    await ensureTask(deps, org, complaint, managersOf(complaint));
    await deps.complaints.updateIf(
      complaint.orgId,
      complaint.id,
      { status: complaint.status, round: complaint.round },
      { set: {}, unset: ['taskPendingAt'] },
    );
    done++;
  }
  return done;
}

/** The assigning manager; an API client's assignment has none, and its task is approved by an admin's token. */
const managersOf = (c: Complaint): MemberId[] => (c.assignedBy?.memberId ? [c.assignedBy.memberId] : []);
