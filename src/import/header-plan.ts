import type { ImportWarning } from './import-error.js';

/** Which column feeds which field of a kind of record (leads, orders), by the header's own text. */
export type HeaderPlan<F extends string = string> = {
  /** Each known header with its field, in the file's column order. */
  readonly columns: readonly { readonly header: string; readonly field: F }[];
  readonly warnings: readonly ImportWarning[];
};

/** A kind's headers: every way people write each field's column, and the fields whose columns are combined. */
export type HeaderTable<F extends string> = {
  readonly byAlias: ReadonlyMap<string, F>;
  readonly merged: ReadonlySet<F>;
};

/** The table of a kind from its aliases (already normalised as by normalizeHeader) and its merged fields. */
export function headerTable<F extends string>(
  aliases: Readonly<Record<F, readonly string[]>>,
  merged: Iterable<F> = [],
): HeaderTable<F> {
  const byAlias = new Map(
    (Object.entries(aliases) as [F, readonly string[]][]).flatMap(([field, names]) =>
      names.map((alias) => [alias, field] as const),
    ),
  );
  return { byAlias, merged: new Set(merged) };
}

/**
 * Folds the ways people write one header into one key: full-width to half-width (NFKC), case, spaces and the
 * separators of "E-mail", "external_id" or "*手机号：" (the star marks required columns in many templates).
 */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-*:]/g, '');
}

/** Which column feeds which field, with one warning per ignored column and per field fed by several columns. */
export function planHeadersBy<F extends string>(
  table: HeaderTable<F>,
  headers: readonly string[],
): HeaderPlan<F> {
  const columns: { header: string; field: F }[] = [];
  const warnings: ImportWarning[] = [];
  for (const header of headers) {
    const field = table.byAlias.get(normalizeHeader(header));
    if (field === undefined) warnings.push({ kind: 'ignored_column', header });
    else columns.push({ header, field });
  }
  for (const field of new Set(columns.map((c) => c.field))) {
    const cols = columns.filter((c) => c.field === field);
    if (cols.length < 2 || table.merged.has(field)) continue;
    warnings.push({ kind: 'same_field', headers: cols.map((c) => c.header), field });
  }
  return { columns, warnings };
}
