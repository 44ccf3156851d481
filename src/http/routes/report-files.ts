import type { ReportTable } from './report-tables.js';

// A cell a spreadsheet would run as a formula (`=HYPERLINK(…)` typed as a campaign name) is written as text.
const FORMULA = /^[=+\-@\t\r]/;
const safeText = (cell: string) => (FORMULA.test(cell) ? `'${cell}` : cell);

function csvCell(cell: string | number | null): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  const text = safeText(cell);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * CSV in UTF-8 with a byte-order mark, which is what makes Excel in China read it as UTF-8 rather than GBK; CRLF
 * line ends (RFC 4180); tables one after another, a blank line between.
 */
export function toCsv(tables: readonly ReportTable[]): Buffer {
  const blocks = tables.map((t) =>
    [t.headers, ...t.rows].map((row) => row.map(csvCell).join(',')).join('\r\n'),
  );
  return Buffer.from(`\uFEFF${blocks.join('\r\n\r\n')}\r\n`, 'utf8');
}

/** XLSX, one sheet per table (exceljs, loaded only when asked for: it is large). */
export async function toXlsx(tables: readonly ReportTable[]): Promise<Buffer> {
  const { default: Excel } = await import('exceljs');
  const book = new Excel.Workbook();
  const used = new Set<string>();
  for (const t of tables) {
    // Sheet names: at most 31 characters, none of : \ / ? * [ ], unique in the book.
    let name = t.name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 28) || 'Sheet';
    while (used.has(name)) name = `${name}_`;
    used.add(name);
    const sheet = book.addWorksheet(name);
    sheet.addRow([...t.headers]);
    sheet.getRow(1).font = { bold: true };
    for (const row of t.rows) sheet.addRow(row.map((c) => (typeof c === 'string' ? safeText(c) : c)));
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
