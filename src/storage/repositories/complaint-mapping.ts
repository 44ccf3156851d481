import {
  type Complaint,
  complaintId,
  type OrderSummary,
  type Reporter,
} from '../../core/after-sales/after-sales-types.js';
import type { NewComplaint } from '../../core/after-sales/ports.js';
import { defined } from '../../core/shared/defined.js';
import { customerId, memberId, orderId, orgId } from '../../core/shared/ids.js';
import type { ComplaintDoc } from '../models/complaint-model.js';
import { mustObjectId } from '../object-id.js';

const hex = (id: { toHexString(): string }) => id.toHexString();

export function complaintFromDoc(doc: ComplaintDoc): Complaint {
  const order = doc.order as Omit<OrderSummary, 'id'> & { id: string };
  return {
    id: complaintId(hex(doc._id)),
    orgId: orgId(hex(doc.orgId)),
    code: doc.code,
    customerId: customerId(hex(doc.customerId)),
    customerName: doc.customerName,
    order: { ...order, id: orderId(order.id) },
    priority: doc.priority,
    category: doc.category,
    description: doc.description,
    reporter: doc.reporter as Reporter,
    status: doc.status,
    round: doc.round,
    history: doc.history as unknown as Complaint['history'],
    version: doc.version,
    createdAt: doc.createdAt,
    ...defined({
      customerOwnerId: doc.customerOwnerId ? memberId(hex(doc.customerOwnerId)) : undefined,
      assigneeId: doc.assigneeId ? memberId(hex(doc.assigneeId)) : undefined,
      assigneeName: doc.assigneeName,
      assignedBy: doc.assignedBy as Complaint['assignedBy'],
      assignedAt: doc.assignedAt,
      taskPendingAt: doc.taskPendingAt,
      resolvedAt: doc.resolvedAt,
      requestKey: doc.requestKey,
    }),
  };
}

/** The stored form of a complaint's fields: ids that are queried become ObjectIds, the rest stays plain. */
export function complaintFieldsToDoc(c: Partial<NewComplaint>): Record<string, unknown> {
  const { orgId: org, customerId: customer, customerOwnerId, assigneeId, ...rest } = c;
  return {
    ...rest,
    ...defined({
      orgId: org ? mustObjectId(org) : undefined,
      customerId: customer ? mustObjectId(customer) : undefined,
      customerOwnerId: customerOwnerId ? mustObjectId(customerOwnerId) : undefined,
      assigneeId: assigneeId ? mustObjectId(assigneeId) : undefined,
    }),
  };
}
