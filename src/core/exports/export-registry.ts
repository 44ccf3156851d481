import type { ExportKind } from './export-kinds.js';
import type { ExportColumns } from './export-types.js';
import { AUDIT_COLUMNS } from './kinds/audit-columns.js';
import { COMPLAINT_COLUMNS } from './kinds/complaint-columns.js';
import { CUSTOMER_COLUMNS } from './kinds/customer-columns.js';
import { FOLLOW_UP_COLUMNS } from './kinds/follow-up-columns.js';
import { LEAD_COLUMNS } from './kinds/lead-columns.js';
import { ORDER_COLUMNS } from './kinds/order-columns.js';
import { TASK_COLUMNS } from './kinds/task-columns.js';

/** Every kind's columns: a kind added to EXPORT_KINDS without its columns here does not compile. */
export const EXPORT_COLUMNS: { readonly [K in ExportKind]: ExportColumns<K> } = {
  leads: LEAD_COLUMNS,
  'follow-ups': FOLLOW_UP_COLUMNS,
  customers: CUSTOMER_COLUMNS,
  orders: ORDER_COLUMNS,
  complaints: COMPLAINT_COLUMNS,
  tasks: TASK_COLUMNS,
  audit: AUDIT_COLUMNS,
};
