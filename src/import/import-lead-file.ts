import { textsFor } from '../chat/texts/texts-for.js';
import type { IntakeDeps } from '../core/leads/intake-lead.js';
import { intakeBatchItems, MAX_BATCH } from '../core/leads/intake-leads-batch.js';
import type { Strategy } from '../core/leads/routing-types.js';
import type { Org } from '../core/org/types.js';
import type { DomainError } from '../core/shared/errors.js';
import { checkLeadFileInWorker } from './check-lead-file-in-worker.js';
import type { ImportWarning } from './import-error.js';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from './import-limits.js';
import type { ImportFormat } from './read-lead-file.js';
import type { RejectedRow } from './validate-import-rows.js';

export type ImportFileOptions = {
  readonly format: ImportFormat;
  readonly defaultSource?: string;
  readonly strategy?: Strategy;
  /** Check the file and report, store nothing. */
  readonly dryRun?: boolean;
  readonly limits?: ImportLimits;
};

export type ImportFileReport = {
  readonly rows: number;
  readonly created: number;
  readonly duplicates: number;
  /** Rows imported before (same row, same key): nothing new was created for them. */
  readonly alreadyImported: number;
  readonly rejected: readonly RejectedRow[];
  readonly warnings: readonly ImportWarning[];
  readonly leads: readonly { rowNumber: number; leadId: string; status: string; duplicateOf?: string }[];
};

/**
 * The API's import: the same reading and checking as the CLI, then the good rows through batch intake, 1,000 at a
 * time. Every row carries a key made from its content, so the same file imported again (or an import cut off
 * midway and sent again) creates nothing twice. Reading and checking run on a worker thread; intake awaits the
 * database every 1,000 rows, so neither holds the event loop.
 */
export async function importLeadFile(
  deps: IntakeDeps,
  org: Org,
  bytes: Uint8Array,
  options: ImportFileOptions,
): Promise<ImportFileReport> {
  const check = await checkLeadFileInWorker(bytes, {
    source: { format: options.format },
    ...(options.defaultSource ? { defaultSource: options.defaultSource } : {}),
    limits: options.limits ?? DEFAULT_IMPORT_LIMITS,
  });
  const leads: ImportFileReport['leads'][number][] = [];
  const refused: RejectedRow[] = [];
  let created = 0;
  let duplicates = 0;
  let alreadyImported = 0;
  for (let start = 0; !options.dryRun && start < check.good.length; start += MAX_BATCH) {
    const chunk = check.good.slice(start, start + MAX_BATCH);
    // Per-item outcomes: a row the service refuses (its externalId imported before with other content, say) is
    // reported with its reason, and the other rows of its chunk are imported all the same.
    const results = await intakeBatchItems(
      deps,
      org,
      chunk.map((row) => ({ input: row.input, idempotencyKey: row.idempotencyKey })),
      options.strategy,
    );
    results.forEach((r, i) => {
      if ('refused' in r) {
        refused.push(refusedRow(chunk[i]!.rowNumber, r.refused));
        return;
      }
      if (!r.created) alreadyImported++;
      else if (r.lead.status === 'duplicate') duplicates++;
      else created++;
      leads.push({
        rowNumber: chunk[i]!.rowNumber,
        leadId: r.lead.id,
        status: r.lead.status,
        ...(r.lead.duplicateOf ? { duplicateOf: r.lead.duplicateOf } : {}),
      });
    });
  }
  return {
    rows: check.rows,
    created,
    duplicates,
    alreadyImported,
    rejected: [...check.rejected, ...refused].sort((a, b) => a.rowNumber - b.rowNumber),
    warnings: check.warnings,
    leads,
  };
}

/** A row the service refused, as the report lists it: the whole row, the error's code and its English text. */
export function refusedRow(rowNumber: number, error: DomainError): RejectedRow {
  return {
    rowNumber,
    field: '(row)',
    reason: `${error.code}: ${textsFor('en').errors[error.code](error.details)}`,
    code: error.code,
    details: error.details,
  };
}
