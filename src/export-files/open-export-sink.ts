import type { Writable } from 'node:stream';
import type { ExportFormat, ExportSink } from '../core/exports/index.js';
import { csvSink } from './csv-sink.js';
import { xlsxSink } from './xlsx-sink.js';

/** The content type of each format, for the HTTP response and a chat file message. */
export const EXPORT_CONTENT_TYPES: Readonly<Record<ExportFormat, string>> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The writer of a format over a stream (an HTTP response's PassThrough, a file). */
export function openExportSink(format: ExportFormat, out: Writable, sheetName: string): ExportSink {
  return format === 'xlsx' ? xlsxSink(out, sheetName) : csvSink(out);
}
