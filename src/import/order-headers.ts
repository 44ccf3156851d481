import type { OrderInput } from '../core/customers/index.js';
import { type HeaderPlan, headerTable, planHeadersBy } from './header-plan.js';

export type OrderField = keyof OrderInput;

// Keys are normalised as by normalizeHeader: lower-case, half-width, without spaces, "_", "-", "*" or ":".
const ALIASES: Readonly<Record<OrderField, readonly string[]>> = {
  number: ['订单号', '订单编号', '订单', 'number', 'ordernumber', 'orderno', 'order'],
  customer: ['客户', '客户名称', '公司', '公司名称', '企业名称', 'customer', 'company', 'customername'],
  customerId: ['客户id', 'customerid'],
  items: ['明细', '产品', '产品明细', '订单明细', '商品', 'items', 'products', 'product'],
  amount: ['金额', '订单金额', '合同金额', '成交金额', 'amount', 'total'],
  contractNo: ['合同号', '合同编号', '合同', 'contractno', 'contract', 'contractnumber'],
  signedAt: ['签约日期', '签订日期', '签约时间', '签约', 'signedat', 'signed', 'signingdate', 'date'],
  owner: ['负责人', '销售', '销售负责人', 'owner', 'salesowner'],
};

// 明细 and 产品 both say what was sold: a sheet with both keeps both, one per line.
const ORDERS = headerTable(ALIASES, ['items']);

/** Which column feeds which order field, with one warning per ignored column and per field fed by several. */
export const planOrderHeaders = (headers: readonly string[]): HeaderPlan<OrderField> =>
  planHeadersBy(ORDERS, headers);
