import { assertCan, type Caller } from '../org/index.js';
import type { MemberId } from '../shared/ids.js';
import { takesTasks } from './assign-complaint.js';
import type { AfterSalesDeps } from './ports.js';

export type Assignee = { readonly memberId: MemberId; readonly name: string; readonly openTasks: number };

/**
 * The staff a complaint can go to, with their open task counts (the centre card's buttons: "许亮 (2)"), the least
 * busy first. Two database commands: the members, one aggregation of the open tasks.
 */
export async function listAssignees(
  deps: Pick<AfterSalesDeps, 'members' | 'tasks'>,
  caller: Caller,
): Promise<Assignee[]> {
  assertCan(caller, 'complaint.assign');
  const [members, counts] = await Promise.all([
    deps.members.list(caller.org.id, { activeOnly: true }),
    deps.tasks.openCounts(caller.org.id),
  ]);
  return members
    .filter(takesTasks)
    .map((m) => ({ memberId: m.id, name: m.name, openTasks: counts.get(m.id) ?? 0 }))
    .sort((a, b) => a.openTasks - b.openTasks || a.name.localeCompare(b.name));
}
