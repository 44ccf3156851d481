import { createOrders, MAX_ORDER_BATCH, type OrderDeps } from '../core/customers/index.js';
import type { Caller } from '../core/org/index.js';
import { checkLeadFileInWorker } from './check-lead-file-in-worker.js';
import type { RejectedRow } from './check-rows.js';
import type { ImportWarning } from './import-error.js';
import { refusedRow } from './import-lead-file.js';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from './import-limits.js';
import type { ImportFormat } from './read-lead-file.js';

export type OrderImportReport = {
  readonly rows: number;
  readonly created: number;
  /** Rows whose order was entered before (the same number with the same content): nothing new was made for them. */
  readonly alreadyImported: number;
  readonly rejected: readonly RejectedRow[];
  readonly warnings: readonly ImportWarning[];
  readonly orders: readonly { rowNumber: number; orderId: string; number: string; created: boolean }[];
};

/**
 * `POST /orders:import`: a CSV or XLSX file of orders read and checked on the lead import's worker, with its
 * limits, then the good rows through createOrders. Each row is keyed by its content and its order number, so the
 * same file again creates nothing and says so (`alreadyImported`); a row whose number was entered with other
 * content is listed with its reason, and the other rows still go in.
 */
export async function importOrderFile(
  deps: OrderDeps,
  caller: Caller,
  bytes: Uint8Array,
  options: { readonly format: ImportFormat; readonly dryRun?: boolean; readonly limits?: ImportLimits },
): Promise<OrderImportReport> {
  const check = await checkLeadFileInWorker(bytes, {
    kind: 'orders',
    source: { format: options.format },
    limits: options.limits ?? DEFAULT_IMPORT_LIMITS,
  });
  const orders: OrderImportReport['orders'][number][] = [];
  const refused: RejectedRow[] = [];
  for (let start = 0; !options.dryRun && start < check.good.length; start += MAX_ORDER_BATCH) {
    const chunk = check.good.slice(start, start + MAX_ORDER_BATCH);
    const outcomes = await createOrders(
      deps,
      caller,
      chunk.map((row) => ({ input: row.input, requestKey: row.idempotencyKey })),
    );
    outcomes.forEach((o, i) => {
      const { rowNumber } = chunk[i]!;
      if ('refused' in o) refused.push(refusedRow(rowNumber, o.refused));
      else orders.push({ rowNumber, orderId: o.order.id, number: o.order.number, created: o.created });
    });
  }
  return {
    rows: check.rows,
    created: orders.filter((o) => o.created).length,
    alreadyImported: orders.filter((o) => !o.created).length,
    rejected: [...check.rejected, ...refused].sort((a, b) => a.rowNumber - b.rowNumber),
    warnings: check.warnings,
    orders,
  };
}
