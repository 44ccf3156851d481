import type { OrderInput } from '../core/customers/index.js';
import type { LeadInput } from '../core/leads/lead-input.js';
import type { ImportCheck } from './check-rows.js';
import type { ImportLimits } from './import-limits.js';
import { type ImportFormat, readLeadFile } from './read-lead-file.js';
import { validateImportRows } from './validate-import-rows.js';
import { validateOrderRows } from './validate-order-rows.js';

/** What a file holds: leads (the default) or orders (`--kind orders`, `POST /orders:import`). */
export type ImportKind = 'leads' | 'orders';
export type InputOf<K extends ImportKind> = K extends 'orders' ? OrderInput : LeadInput;

export type CheckFileInput<K extends ImportKind = 'leads'> = {
  readonly kind?: K;
  readonly source: { readonly fileName: string } | { readonly format: ImportFormat };
  /** Leads only: the source of rows without one. */
  readonly defaultSource?: string;
  readonly limits: ImportLimits;
};

/** A file's data rows counted, and each mapped and checked with the API's schema: all the CPU work of an import. */
export type FileCheck<K extends ImportKind = 'leads'> = ImportCheck<InputOf<K>> & { readonly rows: number };

/** Reads a file of either kind with the same reader and limits, and checks its rows with that kind's schema. */
export async function checkLeadFile<K extends ImportKind = 'leads'>(
  bytes: Uint8Array,
  input: CheckFileInput<K>,
): Promise<FileCheck<K>> {
  const rows = await readLeadFile(bytes, input.source, input.limits);
  const check =
    input.kind === 'orders'
      ? validateOrderRows(rows)
      : validateImportRows(rows, input.defaultSource ? { defaultSource: input.defaultSource } : {});
  return { ...(check as ImportCheck<InputOf<K>>), rows: rows.length };
}
