import { complaintId, type Task, taskId } from '../../core/after-sales/after-sales-types.js';
import type { NewTask } from '../../core/after-sales/ports.js';
import { defined } from '../../core/shared/defined.js';
import { customerId, memberId, orgId } from '../../core/shared/ids.js';
import type { TaskDoc } from '../models/task-model.js';
import { mustObjectId } from '../object-id.js';

const hex = (id: { toHexString(): string }) => id.toHexString();

export function taskFromDoc(doc: TaskDoc): Task {
  return {
    id: taskId(hex(doc._id)),
    orgId: orgId(hex(doc.orgId)),
    code: doc.code,
    complaintId: complaintId(hex(doc.complaintId)),
    complaintCode: doc.complaintCode,
    round: doc.round,
    customerId: customerId(hex(doc.customerId)),
    customerName: doc.customerName,
    priority: doc.priority,
    assigneeId: memberId(hex(doc.assigneeId)),
    assigneeName: doc.assigneeName,
    managerIds: (doc.managerIds ?? []).map((m) => memberId(hex(m))),
    status: doc.status,
    assignedAt: doc.assignedAt,
    dueAt: doc.dueAt,
    remindAt: doc.remindAt,
    pausedMs: doc.pausedMs ?? 0,
    pauses: (doc.pauses ?? []) as unknown as Task['pauses'],
    history: doc.history as unknown as Task['history'],
    version: doc.version,
    createdAt: doc.createdAt,
    ...defined({
      customerOwnerId: doc.customerOwnerId ? memberId(hex(doc.customerOwnerId)) : undefined,
      reporterId: doc.reporterId ? memberId(hex(doc.reporterId)) : undefined,
      problem: doc.problem,
      slaStep: doc.slaStep,
      slaDueAt: doc.slaDueAt,
      remindedAt: doc.remindedAt,
      dueNotifiedAt: doc.dueNotifiedAt,
      pausedAt: doc.pausedAt,
      report: doc.report as Task['report'],
      approval: doc.approval as Task['approval'],
      overdue: doc.overdue,
    }),
  };
}

/** The stored form of a task's fields: queried ids become ObjectIds, the rest stays plain. */
export function taskFieldsToDoc(t: Partial<NewTask>): Record<string, unknown> {
  const {
    orgId: org,
    complaintId: complaint,
    customerId: customer,
    customerOwnerId,
    reporterId,
    assigneeId,
    managerIds,
    ...rest
  } = t;
  return {
    ...rest,
    ...defined({
      orgId: org ? mustObjectId(org) : undefined,
      complaintId: complaint ? mustObjectId(complaint) : undefined,
      customerId: customer ? mustObjectId(customer) : undefined,
      customerOwnerId: customerOwnerId ? mustObjectId(customerOwnerId) : undefined,
      reporterId: reporterId ? mustObjectId(reporterId) : undefined,
      assigneeId: assigneeId ? mustObjectId(assigneeId) : undefined,
      managerIds: managerIds ? managerIds.map((m) => mustObjectId(m)) : undefined,
    }),
  };
}
