import { formatAt } from '../export-labels.js';
import type { ExportColumns } from '../export-types.js';

/** 订单: one row per order; the amount stays a number so a spreadsheet can sum it. */
export const ORDER_COLUMNS: ExportColumns<'orders'> = [
  { key: 'number', header: { 'zh-CN': '订单号', en: 'Order number' }, cell: (o) => o.number },
  { key: 'contractNo', header: { 'zh-CN': '合同编号', en: 'Contract number' }, cell: (o) => o.contractNo },
  { key: 'customerId', header: { 'zh-CN': '客户编号', en: 'Customer id' }, cell: (o) => o.customerId },
  { key: 'items', header: { 'zh-CN': '明细', en: 'Items' }, cell: (o) => o.items },
  { key: 'amount', header: { 'zh-CN': '金额', en: 'Amount' }, cell: (o) => o.amount },
  {
    key: 'signedAt',
    header: { 'zh-CN': '签约日期', en: 'Signed at' },
    cell: (o, c) => formatAt(o.signedAt, c.timeZone),
  },
  { key: 'team', header: { 'zh-CN': '团队', en: 'Team' }, cell: (o, c) => c.teamName(o.teamId) },
  {
    key: 'owner',
    header: { 'zh-CN': '负责人', en: 'Owner' },
    cell: (o, c) => c.memberName(o.ownerId) ?? o.ownerName,
  },
  {
    key: 'createdAt',
    header: { 'zh-CN': '录入时间', en: 'Entered at' },
    cell: (o, c) => formatAt(o.createdAt, c.timeZone),
  },
];
