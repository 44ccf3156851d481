import type { Model } from 'mongoose';
import type { ExportFilter, ExportKind, ExportReader, ExportSource } from '../../core/exports/index.js';
import type { Models } from '../models.js';
import { auditEntryFromDoc } from '../repositories/audit-entry-repository.js';
import { complaintFromDoc } from '../repositories/complaint-mapping.js';
import { customerFromDoc } from '../repositories/customer-repository.js';
import { followUpFromDoc } from '../repositories/follow-up-repository.js';
import { leadFromDoc } from '../repositories/lead-mapping.js';
import { orderFromDoc } from '../repositories/order-repository.js';
import { taskFromDoc } from '../repositories/task-mapping.js';
import { exportHintOf, exportQueryOf, KIND_SPECS } from './export-filters.js';

/**
 * Documents per round trip: large enough that a million rows cost a thousand getMores, small enough that one
 * batch (a few MB of lean documents) is all the export holds in memory.
 */
export const EXPORT_BATCH_SIZE = 1000;

/**
 * One kind's reader: a lean cursor on the kind's date index, sorted by it, a batch at a time. Leaving the loop
 * early (the consumer broke out, a client disconnected and `signal` aborted) closes the cursor, so the server
 * frees it at once instead of after its idle timeout.
 */
function readerOf<D, R>(model: Model<D>, kind: ExportKind, fromDoc: (doc: D) => R): ExportReader<R> {
  const spec = KIND_SPECS[kind];
  const projection = Object.fromEntries(spec.omit.map((field) => [field, 0]));
  // Fields left on the server come back as the empty lists the mappers expect of them.
  const blanks = Object.fromEntries(
    spec.omit.filter((f) => f === 'history' || f === 'pauses').map((f) => [f, []]),
  );
  return {
    count: (filter: ExportFilter) => model.countDocuments(exportQueryOf(kind, filter)).exec(),
    async *read(filter: ExportFilter, signal?: AbortSignal) {
      const cursor = model
        .find(exportQueryOf(kind, filter), projection)
        .sort(spec.sort)
        .hint(exportHintOf(kind, filter))
        .lean<D[]>()
        .batchSize(EXPORT_BATCH_SIZE)
        .cursor();
      const stop = () => void cursor.close().catch(() => undefined);
      signal?.addEventListener('abort', stop, { once: true });
      try {
        for await (const doc of cursor) {
          signal?.throwIfAborted();
          yield fromDoc({ ...(doc as object), ...blanks } as D);
        }
      } finally {
        signal?.removeEventListener('abort', stop);
        await cursor.close().catch(() => undefined);
      }
    },
  };
}

/** Every kind's reader over the service's models (core's ExportSource port). */
export function mongoExportSource(models: Models): ExportSource {
  return {
    leads: readerOf(models.Lead, 'leads', leadFromDoc),
    'follow-ups': readerOf(models.FollowUp, 'follow-ups', followUpFromDoc),
    customers: readerOf(models.Customer, 'customers', customerFromDoc),
    orders: readerOf(models.Order, 'orders', orderFromDoc),
    complaints: readerOf(models.Complaint, 'complaints', complaintFromDoc),
    tasks: readerOf(models.Task, 'tasks', taskFromDoc),
    audit: readerOf(models.AuditEntry, 'audit', auditEntryFromDoc),
  };
}
