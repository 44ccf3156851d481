import { Writable } from 'node:stream';
import { type ExportDeps, streamExport } from '../../core/exports/index.js';
import { csvSink } from '../../export-files/csv-sink.js';
import { EXPORT_CONTENT_TYPES } from '../../export-files/open-export-sink.js';
import type { MakeExport } from './run-chat-exports.js';

/**
 * The runner's `MakeExport` on the export use-case: the same scope, masking and headers as the HTTP export, written
 * by the CSV writer (BOM, Chinese headers, formula-safe cells) into memory. A chat export is sent as one file, so it
 * is whole before the file store keeps it; CSV, not XLSX, because every platform previews it and Excel opens it.
 */
export function makeCsvExport(deps: ExportDeps): MakeExport {
  return async (caller, query) => {
    const chunks: Buffer[] = [];
    const out = new Writable({
      write(chunk: Buffer | string, _encoding, done) {
        chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
        done();
      },
    });
    const result = await streamExport(deps, caller, { ...query, format: 'csv' }, csvSink(out));
    return {
      fileName: result.fileName,
      mime: EXPORT_CONTENT_TYPES.csv,
      rows: result.rows,
      bytes: new Uint8Array(Buffer.concat(chunks)),
    };
  };
}
