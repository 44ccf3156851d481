import { assertCan, type Caller } from '../org/index.js';
import type { ComplaintAssignee, ComplaintCentre } from './after-sales-notices.js';
import { afterSalesTeamOf } from './after-sales-settings.js';
import type { AfterSalesDeps, StaffLoad } from './ports.js';

export type Assignee = ComplaintAssignee;

/**
 * The staff a complaint can go to, with their open task counts (the centre card's buttons: "许亮 · 2 单"), the least
 * busy first. One database command: the members joined to their open tasks.
 */
export async function listAssignees(
  deps: Pick<AfterSalesDeps, 'tasks'>,
  caller: Caller,
): Promise<Assignee[]> {
  assertCan(caller, 'complaint.assign');
  return assigneesOf(await deps.tasks.staffLoads(caller.org.id));
}

/** Who takes tasks (every member of the centre, managers too), least busy first (then by name). */
export function assigneesOf(staff: readonly StaffLoad[]): Assignee[] {
  return staff
    .map((m) => ({ memberId: m.memberId, name: m.name, openTasks: m.openTasks }))
    .sort((a, b) => a.openTasks - b.openTasks || a.name.localeCompare(b.name));
}

/** The complaint centre: the org's after-sales channel, and the active after-sales managers (each in their DM). */
export function complaintCentreOf(
  org: Parameters<typeof afterSalesTeamOf>[0],
  staff: readonly StaffLoad[],
): ComplaintCentre {
  const teamId = afterSalesTeamOf(org);
  const managerIds = staff.filter((m) => m.roles.includes('aftersales_manager')).map((m) => m.memberId);
  return { ...(teamId ? { teamId } : {}), managerIds };
}
