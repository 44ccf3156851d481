import type { ErrorDetails } from '../../core/shared/errors.js';

/** The error texts of entering orders (core/customers/create-order.ts), spread into the zh-CN catalogue's `errors`. */
export const orderErrorsZhCN = {
  ORDER_NUMBER_TAKEN: (d: ErrorDetails) =>
    `订单号 ${String(d.number ?? '')} 已存在且内容不同；重试请发送完全相同的内容，新订单请换一个订单号。`,
  ORDER_KEY_REUSED: (d: ErrorDetails) =>
    `这个 Idempotency-Key 已用于内容不同的订单 ${String(d.number ?? '')}；新订单请换一个新的键。`,
  ORDER_OWNER_NOT_FOUND: (d: ErrorDetails) =>
    `没有找到负责人「${String(d.owner ?? '')}」：请填写在职成员的姓名（须完全一致）或成员编号。`,
} as const;

/** An entered order's fields by their Chinese names (the import's row report, a 400's field issues). */
export const orderFieldNamesZhCN = {
  number: '订单号',
  customer: '客户',
  customerId: '客户编号',
  items: '明细',
  amount: '金额',
  contractNo: '合同号',
  signedAt: '签约日期',
  owner: '负责人',
  orders: '订单',
} as const;
