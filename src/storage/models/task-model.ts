import { Schema, type Types } from 'mongoose';
import { PRIORITIES, TASK_STATUSES } from '../../core/after-sales/after-sales-types.js';

/** 任务单: one per assignment of a complaint. Report, approval, pauses and history are plain sub-documents. */
export type TaskDoc = {
  _id: Types.ObjectId;
  orgId: Types.ObjectId;
  code: string;
  complaintId: Types.ObjectId;
  complaintCode: string;
  round: number;
  customerId: Types.ObjectId;
  customerName: string;
  customerOwnerId?: Types.ObjectId;
  reporterId?: Types.ObjectId;
  problem?: string;
  priority: (typeof PRIORITIES)[number];
  assigneeId: Types.ObjectId;
  /** The assignee while the task is open, absent once approved: what the centre's open counts join on. */
  openAssigneeId?: Types.ObjectId;
  assigneeName: string;
  managerIds: Types.ObjectId[];
  status: (typeof TASK_STATUSES)[number];
  assignedAt: Date;
  dueAt: Date;
  remindAt: Date;
  slaStep?: 'remind' | 'due';
  slaDueAt?: Date;
  remindedAt?: Date;
  dueNotifiedAt?: Date;
  pausedAt?: Date;
  pausedMs: number;
  pauses: Record<string, unknown>[];
  report?: Record<string, unknown>;
  approval?: Record<string, unknown>;
  overdue?: boolean;
  history: Record<string, unknown>[];
  version: number;
  createdAt: Date;
};

export const taskSchema = new Schema<TaskDoc>(
  {
    orgId: { type: Schema.Types.ObjectId, required: true },
    code: { type: String, required: true },
    complaintId: { type: Schema.Types.ObjectId, required: true },
    complaintCode: { type: String, required: true },
    round: { type: Number, required: true },
    customerId: { type: Schema.Types.ObjectId, required: true },
    customerName: { type: String, required: true },
    customerOwnerId: Schema.Types.ObjectId,
    reporterId: Schema.Types.ObjectId,
    problem: String,
    priority: { type: String, enum: PRIORITIES, required: true },
    assigneeId: { type: Schema.Types.ObjectId, required: true },
    openAssigneeId: { type: Schema.Types.ObjectId },
    assigneeName: { type: String, required: true },
    managerIds: { type: [Schema.Types.ObjectId], default: [] },
    status: { type: String, enum: TASK_STATUSES, required: true },
    assignedAt: { type: Date, required: true },
    dueAt: { type: Date, required: true },
    remindAt: { type: Date, required: true },
    slaStep: { type: String, enum: ['remind', 'due'] },
    slaDueAt: Date,
    remindedAt: Date,
    dueNotifiedAt: Date,
    pausedAt: Date,
    pausedMs: { type: Number, default: 0 },
    pauses: { type: Schema.Types.Mixed, default: [] },
    report: Schema.Types.Mixed,
    approval: Schema.Types.Mixed,
    overdue: Boolean,
    history: { type: Schema.Types.Mixed, default: [] },
    version: { type: Number, required: true },
    createdAt: { type: Date, required: true },
  },
  { collection: 'tasks', versionKey: false },
);
// One task per assignment: a retried click or the sweep finds the task instead of making a second.
taskSchema.index({ orgId: 1, complaintId: 1, round: 1 }, { unique: true, name: 'task_assignment' });
taskSchema.index({ orgId: 1, code: 1 }, { unique: true, name: 'task_code' });
// "My tasks" and the open counts: by assignee and status, soonest due first.
taskSchema.index({ orgId: 1, assigneeId: 1, status: 1, dueAt: 1 });
taskSchema.index({ orgId: 1, status: 1, dueAt: 1 });
// The centre's open counts (members joined to their open tasks): only open tasks carry the field.
taskSchema.index(
  { openAssigneeId: 1 },
  { name: 'task_open_assignee', partialFilterExpression: { openAssigneeId: { $exists: true } } },
);
// The figures: tasks approved in a period.
taskSchema.index({ orgId: 1, 'approval.at': 1 });
// Exports (storage/exports): the org's tasks by assignment time, a period of them a range of this index.
taskSchema.index({ orgId: 1, assignedAt: 1, _id: 1 }, { name: 'task_export_assigned' });
// The SLA sweep reads only what is due.
taskSchema.index(
  { slaDueAt: 1 },
  { name: 'task_sla_due', partialFilterExpression: { slaDueAt: { $exists: true } } },
);
