import { OPEN_TASK_STATUSES, type Task } from '../after-sales/index.js';
import type { Caller, Member } from '../org/index.js';
import type { OffboardDeps } from './ports.js';

/** More open tasks than one person ever holds; they are few, so each is its own conditional write. */
const TASK_LIMIT = 1000;

/** The after-sales manager who takes a leaver's tasks: the first active one by id (stable across reruns). */
export async function afterSalesManagerFor(
  deps: Pick<OffboardDeps, 'members'>,
  caller: Caller,
  leaver: Member,
): Promise<Member | undefined> {
  return (await deps.members.list(caller.org.id, { activeOnly: true }))
    .filter((m) => m.active && m.id !== leaver.id && m.roles.includes('aftersales_manager'))
    .sort((a, b) => a.id.localeCompare(b.id))[0];
}

/** Open tasks of the leaver (for the confirmation card and the hand-over). */
export async function openTasksOf(deps: Pick<OffboardDeps, 'tasks'>, caller: Caller, leaver: Member) {
  return deps.tasks.list(caller.org.id, {
    assigneeId: leaver.id,
    statuses: OPEN_TASK_STATUSES,
    limit: TASK_LIMIT,
  });
}

export type TaskHandOver = {
  readonly to?: Member;
  readonly moved: readonly Task[];
  /** Left with the leaver because the org has no active after-sales manager to take them. */
  readonly left: number;
};

/**
 * The leaver's open after-sales tasks go to the after-sales manager (the first active one, by id, so a rerun picks
 * the same person). With none, they stay as they are and the admin is told how many (the centre's managers are the
 * only ones who may assign; nobody else should silently get them).
 */
export async function handOverTasks(
  deps: OffboardDeps,
  caller: Caller,
  leaver: Member,
): Promise<TaskHandOver> {
  const org = caller.org.id;
  const open = await openTasksOf(deps, caller, leaver);
  if (open.length === 0) return { moved: [], left: 0 };
  const to = await afterSalesManagerFor(deps, caller, leaver);
  if (!to) return { moved: [], left: open.length };
  const moved: Task[] = [];
  for (const task of open) {
    const updated = await deps.tasks.updateIf(org, task.id, task.version, {
      set: { assigneeId: to.id, assigneeName: to.name },
    });
    if (updated) moved.push(updated);
  }
  return { to, moved, left: open.length - moved.length };
}
