import { COMPLAINT_STATUS_LABELS, formatAt, PRIORITY_LABELS } from '../export-labels.js';
import type { ExportColumns } from '../export-types.js';

/** 投诉: one row per complaint, with its order, who raised it, who handles it and where it stands. */
export const COMPLAINT_COLUMNS: ExportColumns<'complaints'> = [
  { key: 'code', header: { 'zh-CN': '投诉编号', en: 'Complaint code' }, cell: (x) => x.code },
  { key: 'customer', header: { 'zh-CN': '客户', en: 'Customer' }, cell: (x) => x.customerName },
  { key: 'order', header: { 'zh-CN': '订单号', en: 'Order' }, cell: (x) => x.order.number },
  {
    key: 'priority',
    header: { 'zh-CN': '优先级', en: 'Priority' },
    cell: (x, c) => PRIORITY_LABELS[c.locale][x.priority],
  },
  { key: 'category', header: { 'zh-CN': '类别', en: 'Category' }, cell: (x) => x.category },
  { key: 'description', header: { 'zh-CN': '问题描述', en: 'Description' }, cell: (x) => x.description },
  {
    key: 'reporter',
    header: { 'zh-CN': '提交人', en: 'Raised by' },
    cell: (x, c) =>
      x.reporter.kind === 'member' ? (c.memberName(x.reporter.memberId) ?? x.reporter.name) : 'API',
  },
  {
    key: 'status',
    header: { 'zh-CN': '状态', en: 'Status' },
    cell: (x, c) => COMPLAINT_STATUS_LABELS[c.locale][x.status],
  },
  {
    key: 'assignee',
    header: { 'zh-CN': '处理人', en: 'Assignee' },
    cell: (x, c) => c.memberName(x.assigneeId) ?? x.assigneeName,
  },
  { key: 'round', header: { 'zh-CN': '处理轮次', en: 'Round' }, cell: (x) => x.round },
  {
    key: 'customerOwner',
    header: { 'zh-CN': '客户负责人', en: 'Customer owner' },
    cell: (x, c) => c.memberName(x.customerOwnerId),
  },
  {
    key: 'createdAt',
    header: { 'zh-CN': '提交时间', en: 'Raised at' },
    cell: (x, c) => formatAt(x.createdAt, c.timeZone),
  },
  {
    key: 'resolvedAt',
    header: { 'zh-CN': '解决时间', en: 'Resolved at' },
    cell: (x, c) => formatAt(x.resolvedAt, c.timeZone),
  },
];
