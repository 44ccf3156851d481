import type { Customer } from '../../customers/index.js';
import { formatAt } from '../export-labels.js';
import type { ExportColumns, RowContext } from '../export-types.js';

/** A customer's contacts in one cell: `王芳 138****5678; 李雷`, phones masked unless the reader may see them. */
function contactsCell(customer: Customer, c: RowContext): string | undefined {
  const parts = customer.contacts.map((p) => [p.name, c.phone(p.phone), p.email].filter(Boolean).join(' '));
  return parts.filter((p) => p.length > 0).join('; ') || undefined;
}

/** 客户: one row per customer, with where it came from (the won lead's code) and who looks after it. */
export const CUSTOMER_COLUMNS: ExportColumns<'customers'> = [
  { key: 'id', header: { 'zh-CN': '客户编号', en: 'Customer id' }, cell: (x) => x.id },
  { key: 'name', header: { 'zh-CN': '客户名称', en: 'Name' }, cell: (x) => x.name },
  { key: 'company', header: { 'zh-CN': '公司', en: 'Company' }, cell: (x) => x.company },
  { key: 'contacts', header: { 'zh-CN': '联系人', en: 'Contacts' }, cell: contactsCell },
  { key: 'leadCode', header: { 'zh-CN': '来源线索', en: 'From lead' }, cell: (x) => x.leadCode },
  { key: 'team', header: { 'zh-CN': '团队', en: 'Team' }, cell: (x, c) => c.teamName(x.teamId) },
  {
    key: 'owner',
    header: { 'zh-CN': '负责人', en: 'Owner' },
    cell: (x, c) => c.memberName(x.ownerId) ?? x.ownerName,
  },
  {
    key: 'createdAt',
    header: { 'zh-CN': '成为客户时间', en: 'Customer since' },
    cell: (x, c) => formatAt(x.createdAt, c.timeZone),
  },
];
