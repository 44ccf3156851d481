import type { ImportLimits } from './import-limits.js';
import { type ImportFormat, readLeadFile } from './read-lead-file.js';
import { type ImportCheck, validateImportRows } from './validate-import-rows.js';

export type CheckFileInput = {
  readonly source: { readonly fileName: string } | { readonly format: ImportFormat };
  readonly defaultSource?: string;
  readonly limits: ImportLimits;
};

/** A file's data rows counted, and each mapped and checked with the API's schema: all the CPU work of an import. */
export type FileCheck = ImportCheck & { readonly rows: number };

export async function checkLeadFile(bytes: Uint8Array, input: CheckFileInput): Promise<FileCheck> {
  const rows = await readLeadFile(bytes, input.source, input.limits);
  const check = validateImportRows(rows, input.defaultSource ? { defaultSource: input.defaultSource } : {});
  return { ...check, rows: rows.length };
}
