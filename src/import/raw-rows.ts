/** One data row of an import file: its 1-based row number in the spreadsheet (header = 1) and its cells by header. */
export type RawRow = { readonly rowNumber: number; readonly cells: Readonly<Record<string, string>> };

/** A spreadsheet line as read, before the header is applied; `values[0]` is column A. */
export type GridLine = { readonly rowNumber: number; readonly values: readonly (string | undefined)[] };

/**
 * Applies the header (the first non-empty line) to the lines below it and drops fully empty lines, keeping each
 * line's own row number so a report points at the row the user sees in Excel.
 */
export function rowsFromGrid(grid: readonly GridLine[]): RawRow[] {
  const lines = grid
    .map((line) => ({ rowNumber: line.rowNumber, values: line.values.map((v) => (v ?? '').trim()) }))
    .filter((line) => line.values.some((v) => v !== ''));
  const [header, ...data] = lines;
  if (!header) return [];
  const names = headerNames(header.values);
  return data.map((line) => ({ rowNumber: line.rowNumber, cells: cellsOf(names, line.values) }));
}

function cellsOf(names: readonly (string | undefined)[], values: readonly string[]): Record<string, string> {
  const cells: Record<string, string> = {};
  names.forEach((name, i) => {
    if (name !== undefined) cells[name] = values[i] ?? '';
  });
  // A value under no header would otherwise vanish without a word: it is kept under "(column D)", which the
  // header mapping then reports as an unknown column.
  values.forEach((value, i) => {
    if (value !== '' && names[i] === undefined) cells[`(column ${columnLetter(i)})`] = value;
  });
  return cells;
}

// Two columns with one header would overwrite each other; the later ones become "电话 (2)" and so stay visible.
function headerNames(values: readonly string[]): (string | undefined)[] {
  const seen = new Map<string, number>();
  return values.map((value) => {
    if (value === '') return undefined;
    const count = (seen.get(value) ?? 0) + 1;
    seen.set(value, count);
    return count === 1 ? value : `${value} (${count})`;
  });
}

/** 0 → A, 25 → Z, 26 → AA: the column names a spreadsheet shows. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
