import { formatAt, PRIORITY_LABELS, TASK_STATUS_LABELS, YES_NO } from '../export-labels.js';
import type { ExportColumns } from '../export-types.js';

/** 任务单: one row per task, with the hours the assignee reported and the hours the manager approved. */
export const TASK_COLUMNS: ExportColumns<'tasks'> = [
  { key: 'code', header: { 'zh-CN': '任务单号', en: 'Task code' }, cell: (t) => t.code },
  { key: 'complaint', header: { 'zh-CN': '投诉编号', en: 'Complaint' }, cell: (t) => t.complaintCode },
  { key: 'customer', header: { 'zh-CN': '客户', en: 'Customer' }, cell: (t) => t.customerName },
  { key: 'problem', header: { 'zh-CN': '问题', en: 'Problem' }, cell: (t) => t.problem },
  {
    key: 'priority',
    header: { 'zh-CN': '优先级', en: 'Priority' },
    cell: (t, c) => PRIORITY_LABELS[c.locale][t.priority],
  },
  {
    key: 'assignee',
    header: { 'zh-CN': '处理人', en: 'Assignee' },
    cell: (t, c) => c.memberName(t.assigneeId) ?? t.assigneeName,
  },
  {
    key: 'status',
    header: { 'zh-CN': '状态', en: 'Status' },
    cell: (t, c) => TASK_STATUS_LABELS[c.locale][t.status],
  },
  {
    key: 'assignedAt',
    header: { 'zh-CN': '派单时间', en: 'Assigned at' },
    cell: (t, c) => formatAt(t.assignedAt, c.timeZone),
  },
  {
    key: 'dueAt',
    header: { 'zh-CN': '截止时间', en: 'Due at' },
    cell: (t, c) => formatAt(t.dueAt, c.timeZone),
  },
  {
    key: 'overdue',
    header: { 'zh-CN': '是否超时', en: 'Overdue' },
    cell: (t, c) => (t.overdue ? YES_NO[c.locale].yes : YES_NO[c.locale].no),
  },
  {
    key: 'completedAt',
    header: { 'zh-CN': '完成时间', en: 'Completed at' },
    cell: (t, c) => formatAt(t.report?.completedAt, c.timeZone),
  },
  {
    key: 'reportedHours',
    header: { 'zh-CN': '上报工时', en: 'Reported hours' },
    cell: (t) => t.report?.hours,
  },
  { key: 'result', header: { 'zh-CN': '处理结果', en: 'Result' }, cell: (t) => t.report?.result },
  {
    key: 'approvedHours',
    header: { 'zh-CN': '核定工时', en: 'Approved hours' },
    cell: (t) => t.approval?.hours,
  },
  {
    key: 'approvedBy',
    header: { 'zh-CN': '审核人', en: 'Approved by' },
    cell: (t, c) => (t.approval ? (c.memberName(t.approval.by.memberId) ?? t.approval.by.name) : undefined),
  },
  {
    key: 'approvedAt',
    header: { 'zh-CN': '审核时间', en: 'Approved at' },
    cell: (t, c) => formatAt(t.approval?.at, c.timeZone),
  },
  {
    key: 'adjusted',
    header: { 'zh-CN': '工时已调整', en: 'Hours adjusted' },
    cell: (t, c) => (t.approval ? YES_NO[c.locale][t.approval.adjusted ? 'yes' : 'no'] : undefined),
  },
];
