import { assertCan, type Caller, type Member } from '../org/index.js';
import type { MemberId } from '../shared/ids.js';
import type { ComplaintAssignee, ComplaintCentre } from './after-sales-notices.js';
import { afterSalesTeamOf } from './after-sales-settings.js';
import { takesTasks } from './assign-complaint.js';
import type { AfterSalesDeps } from './ports.js';

export type Assignee = ComplaintAssignee;

/**
 * The staff a complaint can go to, with their open task counts (the centre card's buttons: "许亮 · 2 单"), the least
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
  return assigneesOf(members, counts);
}

/** Who takes tasks, with their open counts, least busy first (then by name). */
export function assigneesOf(members: readonly Member[], counts: ReadonlyMap<MemberId, number>): Assignee[] {
  return members
    .filter(takesTasks)
    .map((m) => ({ memberId: m.id, name: m.name, openTasks: counts.get(m.id) ?? 0 }))
    .sort((a, b) => a.openTasks - b.openTasks || a.name.localeCompare(b.name));
}

/** The complaint centre: the org's after-sales channel, and the active after-sales managers (each in their DM). */
export function complaintCentreOf(
  org: Parameters<typeof afterSalesTeamOf>[0],
  members: readonly Member[],
): ComplaintCentre {
  const teamId = afterSalesTeamOf(org);
  const managerIds = members
    .filter((m) => m.active && m.roles.includes('aftersales_manager'))
    .map((m) => m.id);
  return { ...(teamId ? { teamId } : {}), managerIds };
}
