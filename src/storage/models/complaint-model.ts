import { Schema, type Types } from 'mongoose';
import { COMPLAINT_STATUSES, PRIORITIES } from '../../core/after-sales/after-sales-types.js';

/** 客户投诉. Sub-documents (order summary, reporter, actors, history) are plain and written whole by the repository. */
export type ComplaintDoc = {
  _id: Types.ObjectId;
  orgId: Types.ObjectId;
  code: string;
  customerId: Types.ObjectId;
  customerName: string;
  customerOwnerId?: Types.ObjectId;
  order: Record<string, unknown>;
  priority: (typeof PRIORITIES)[number];
  category: string;
  description: string;
  reporter: Record<string, unknown>;
  status: (typeof COMPLAINT_STATUSES)[number];
  round: number;
  assigneeId?: Types.ObjectId;
  assigneeName?: string;
  assignedBy?: Record<string, unknown>;
  assignedAt?: Date;
  taskPendingAt?: Date;
  resolvedAt?: Date;
  requestKey?: string;
  history: Record<string, unknown>[];
  version: number;
  createdAt: Date;
};

export const complaintSchema = new Schema<ComplaintDoc>(
  {
    orgId: { type: Schema.Types.ObjectId, required: true },
    code: { type: String, required: true },
    customerId: { type: Schema.Types.ObjectId, required: true },
    customerName: { type: String, required: true },
    customerOwnerId: Schema.Types.ObjectId,
    order: { type: Schema.Types.Mixed, required: true },
    priority: { type: String, enum: PRIORITIES, required: true },
    category: { type: String, required: true },
    description: { type: String, required: true },
    reporter: { type: Schema.Types.Mixed, required: true },
    status: { type: String, enum: COMPLAINT_STATUSES, required: true },
    round: { type: Number, required: true },
    assigneeId: Schema.Types.ObjectId,
    assigneeName: String,
    assignedBy: Schema.Types.Mixed,
    assignedAt: Date,
    taskPendingAt: Date,
    resolvedAt: Date,
    requestKey: String,
    history: { type: Schema.Types.Mixed, default: [] },
    version: { type: Number, required: true },
    createdAt: { type: Date, required: true },
  },
  { collection: 'complaints', versionKey: false },
);
// What people type (`TS-1001`), unique in the org.
complaintSchema.index({ orgId: 1, code: 1 }, { unique: true, name: 'complaint_code' });
// A retried chat event or API call raises nothing twice.
complaintSchema.index(
  { orgId: 1, requestKey: 1 },
  { unique: true, name: 'complaint_request', partialFilterExpression: { requestKey: { $exists: true } } },
);
// The scoped lists, newest first: the centre (by status), a customer's, a rep's own customers', a staff member's.
complaintSchema.index({ orgId: 1, status: 1, _id: -1 });
complaintSchema.index({ orgId: 1, customerId: 1, _id: -1 });
complaintSchema.index({ orgId: 1, customerOwnerId: 1, _id: -1 });
complaintSchema.index({ orgId: 1, assigneeId: 1, _id: -1 });
// The figures: complaints raised in a period.
complaintSchema.index({ orgId: 1, createdAt: 1 });
// The assignment sweep reads only assignments whose task may be missing.
complaintSchema.index(
  { taskPendingAt: 1 },
  { name: 'complaint_task_pending', partialFilterExpression: { taskPendingAt: { $exists: true } } },
);
