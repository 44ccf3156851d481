import { type AuditDeps, recordAudit } from '../audit/index.js';
import { type Caller, can, type Member, type Org } from '../org/index.js';
import { DomainError } from '../shared/errors.js';
import type { MemberId } from '../shared/ids.js';
import { actorOf } from './after-sales-access.js';
import { complaintUpdateNotices, taskNotices } from './after-sales-notices.js';
import { findComplaint, taskCodeOf } from './after-sales-refs.js';
import { afterSalesTeamOf } from './after-sales-settings.js';
import {
  CENTRE_ROLES,
  type Complaint,
  type ComplaintStatus,
  complaintId,
  type Task,
} from './after-sales-types.js';
import type { AfterSalesDeps, NewTask } from './ports.js';
import { slaPlan, taskTimes } from './task-sla.js';

/** The statuses a complaint is assigned from: new, or reopened after it was resolved or closed. */
const HEX_ID = /^[0-9a-f]{24}$/i;
const ASSIGNABLE: readonly ComplaintStatus[] = ['unassigned', 'reopened'];

export type AssignComplaintInput = { readonly complaint: string; readonly assigneeId: MemberId };

const centreTeam = (org: Pick<Org, 'settings'>) => {
  const teamId = afterSalesTeamOf(org);
  return teamId ? { teamId } : {};
};

/** Who can take tasks: active after-sales staff (and after-sales managers, who may take one themselves). */
export const takesTasks = (m: Member): boolean => m.active && m.roles.some((r) => CENTRE_ROLES.includes(r));

/**
 * An after-sales manager assigns a complaint to a staff member (分配). One conditional write on the complaint
 * decides the race (待分配 → 已分配: of two managers at once one wins, the other is told who assigned it), then the
 * task (任务单) is inserted, unique per complaint and round, with its due time from the priority. A crash between
 * the two is completed by the same click again or by the sweep (completeAssignments). Four database commands:
 * the org's members, the complaint write, the task insert, the outbox.
 */
export async function assignComplaint(
  deps: AfterSalesDeps & AuditDeps,
  caller: Caller,
  input: AssignComplaintInput,
): Promise<{ complaint: Complaint; task: Task }> {
  // Said in words a staff member pressing a button on the centre card understands, not as a bare FORBIDDEN.
  if (!can(caller, 'complaint.assign'))
    throw new DomainError('COMPLAINT_ASSIGN_NOT_MANAGER', { roles: caller.roles });
  const org = caller.org;
  const members = await deps.members.list(org.id, { activeOnly: true });
  const assignee = members.find((m) => m.id === input.assigneeId);
  if (!assignee || !takesTasks(assignee))
    throw new DomainError('ASSIGNEE_NOT_AFTER_SALES', { memberId: input.assigneeId });
  const managerIds = caller.member?.roles.includes('aftersales_manager')
    ? [caller.member.id]
    : members.filter((m) => m.roles.includes('aftersales_manager')).map((m) => m.id);
  const complaint = await claimComplaint(deps, caller, input.complaint, assignee);
  const task = await ensureTask(deps, org, complaint, managerIds);
  // Keyed by the assignment's round: a retried click completes the same round and records nothing new.
  await recordAudit(deps, caller, {
    kind: 'complaint.assign',
    target: { type: 'complaint', id: complaint.id, label: complaint.code },
    after: { assigneeId: assignee.id, assigneeName: assignee.name },
    key: `${complaint.id}@${complaint.round}`,
  });
  return { complaint, task };
}

/**
 * The complaint's write: tried on the code's status first without reading it (a new complaint is 待分配), and on
 * the status read when that fails. A complaint already assigned to the same person in a task not yet written is a
 * retry of this assignment: it is completed, not refused.
 */
async function claimComplaint(
  deps: AfterSalesDeps,
  caller: Caller,
  ref: string,
  assignee: Member,
): Promise<Complaint> {
  const org = caller.org.id;
  const now = deps.clock.now();
  const change = (from: ComplaintStatus) => ({
    set: {
      status: 'assigned' as const,
      assigneeId: assignee.id,
      assigneeName: assignee.name,
      assignedBy: actorOf(caller),
      assignedAt: now,
      taskPendingAt: now,
    },
    unset: ['resolvedAt'] as const,
    entry: { at: now, from, to: 'assigned' as const, by: actorOf(caller) },
    bumpRound: true,
  });
  // A button carries the id: the write is tried at once on 待分配, and the complaint read only when it fails.
  let current = HEX_ID.test(ref.trim()) ? undefined : await findComplaint(deps.complaints, org, ref);
  const id = current?.id ?? complaintId(ref.trim().toLowerCase());
  for (let attempt = 0; attempt < 3; attempt++) {
    if (current && !ASSIGNABLE.includes(current.status)) {
      if (current.status === 'assigned' && current.taskPendingAt && current.assigneeId === assignee.id)
        return current;
      throw alreadyAssigned(current);
    }
    const from = current?.status ?? 'unassigned';
    const won = await deps.complaints.updateIf(org, id, { status: from }, change(from));
    if (won) return won;
    current = await findComplaint(deps.complaints, org, id);
  }
  throw new DomainError('CONFLICT', { complaint: ref });
}

function alreadyAssigned(c: Complaint): DomainError {
  if (c.status === 'assigned' || c.status === 'in_progress' || c.status === 'in_review')
    return new DomainError('COMPLAINT_ALREADY_ASSIGNED', {
      code: c.code,
      assigneeName: c.assigneeName,
      assignedByName: c.assignedBy?.name,
    });
  return new DomainError('COMPLAINT_STATUS_CONFLICT', { code: c.code, status: c.status });
}

/**
 * The task of the complaint's current assignment, inserted if missing (unique per complaint and round), and its
 * notices published (their keys make a second publish a no-op). The assignment and the sweep both end here.
 */
export async function ensureTask(
  deps: Pick<AfterSalesDeps, 'tasks' | 'notifier'>,
  org: Pick<Org, 'id' | 'settings'>,
  complaint: Complaint,
  managerIds: readonly MemberId[],
): Promise<Task> {
  const assignedAt = complaint.assignedAt ?? complaint.createdAt;
  const times = taskTimes(org, complaint.priority, assignedAt);
  const base = { status: 'open' as const, remindAt: times.remindAt, dueAt: times.dueAt };
  const record: NewTask = {
    orgId: complaint.orgId,
    code: taskCodeOf(complaint.code, complaint.round),
    complaintId: complaint.id,
    complaintCode: complaint.code,
    round: complaint.round,
    customerId: complaint.customerId,
    customerName: complaint.customerName,
    ...(complaint.customerOwnerId ? { customerOwnerId: complaint.customerOwnerId } : {}),
    ...(complaint.reporter.kind === 'member' ? { reporterId: complaint.reporter.memberId } : {}),
    problem: complaint.description,
    priority: complaint.priority,
    assigneeId: complaint.assigneeId as MemberId,
    assigneeName: complaint.assigneeName ?? '',
    managerIds,
    ...base,
    ...slaPlan(base),
    assignedAt,
    pausedMs: 0,
    pauses: [],
    history: [{ at: assignedAt, to: 'open', by: complaint.assignedBy ?? {} }],
    createdAt: assignedAt,
  };
  const { task } = await deps.tasks.insert(record);
  // The centre's card shows 已分配 and the assignee gets the task card; both keyed, so a retry sends neither twice.
  await deps.notifier.publish(complaint.orgId, [
    ...complaintUpdateNotices(complaint, { ...centreTeam(org), managerIds }, task),
    ...taskNotices(task, 'assigned'),
  ]);
  return task;
}
