import type { AfterSalesErrorCode } from '../../core/after-sales/index.js';
import type { ErrorDetails } from '../../core/shared/errors.js';
import type { AfterSalesTexts } from './after-sales-texts.js';

const choices = (d: ErrorDetails): string => {
  const list = Array.isArray(d.choices) ? (d.choices as { number: string; items?: string }[]) : [];
  return list.map((c, i) => `${i + 1}. ${c.number}${c.items ? ` (${c.items})` : ''}`).join('; ');
};

/** After-sales refusals in English, spread into the catalogue's `errors`. */
export const afterSalesErrorsEn: Readonly<Record<AfterSalesErrorCode, (d: ErrorDetails) => string>> = {
  COMPLAINT_NOT_FOUND: () => 'No such complaint.',
  COMPLAINT_CUSTOMER_UNKNOWN: () => 'No orders found for this customer: check the customer.',
  COMPLAINT_ORDER_NOT_OF_CUSTOMER: (d) =>
    `Order ${String(d.orderNumber ?? '')} is not one of this customer's orders. Choose one of theirs: ${choices(d)}`,
  COMPLAINT_ALREADY_ASSIGNED: (d) =>
    `${String(d.assignedByName ?? 'Someone')} already assigned this complaint to ${String(d.assigneeName ?? 'a staff member')}.`,
  COMPLAINT_STATUS_CONFLICT: () => 'This complaint cannot be changed that way in its current status.',
  ASSIGNEE_NOT_AFTER_SALES: () => 'Complaints can only be assigned to active after-sales staff.',
  TASK_NOT_FOUND: () => 'No such task.',
  TASK_NOT_YOURS: (d) =>
    `${String(d.assigneeName ?? 'Someone else')} handles this task: only they can do that.`,
  TASK_STATUS_CONFLICT: () => 'This task cannot be changed that way in its current status.',
  TASK_ALREADY_DECIDED: (d) =>
    `${String(d.decidedByName ?? 'Another manager')} already decided on these hours.`,
};

export const afterSalesTextsEn: AfterSalesTexts = {
  complaintTitle: (code, customer) => `Complaint ${code} · ${customer}`,
  taskTitle: (moment, code) =>
    ({
      assigned: `New task ${code}`,
      remind: `Task ${code} is due soon`,
      due: `Task ${code} is due`,
      review: `Task ${code}: hours to review`,
      returned: `Task ${code} was returned`,
      approved: `Task ${code}: hours approved`,
    })[moment],
  complaintStatuses: {
    unassigned: 'Unassigned',
    assigned: 'Assigned',
    in_progress: 'In progress',
    in_review: 'In review',
    resolved: 'Resolved',
    closed: 'Closed',
    reopened: 'Reopened',
  },
  taskStatuses: {
    open: 'Open',
    in_progress: 'In progress',
    paused: 'Paused',
    in_review: 'In review',
    approved: 'Done',
  },
  priorities: { urgent: 'Urgent', high: 'High', normal: 'Normal', low: 'Low' },
  pauseReasons: { customer: 'waiting for the customer', parts: 'waiting for parts' },
  fields: {
    priority: 'Priority',
    category: 'Category',
    order: 'Order',
    contract: 'Contract',
    signedAt: 'Signed',
    assignee: 'Assignee',
    task: 'Task',
    customer: 'Customer',
    dueAt: 'Due',
    reportedHours: 'Reported hours',
    approvedHours: 'Approved hours',
    completedAt: 'Completed',
    result: 'Result',
    returnReason: 'Returned because',
  },
  overdue: 'Finished late',
  onTime: 'Finished on time',
  paused: 'Paused: the clock stops meanwhile',
  hours: (hours) => `${hours} h`,
};
