import { Writable } from 'node:stream';
import {
  EXPORT_KIND_NAMES,
  type ExportDeps,
  type ExportFormat,
  streamExport,
} from '../../core/exports/index.js';
import type { Platform } from '../../core/org/index.js';
import { EXPORT_CONTENT_TYPES, openExportSink } from '../../export-files/open-export-sink.js';
import type { MakeExport } from './run-chat-exports.js';

/**
 * The format a chat file goes out in, by the org's platform. CSV where the platform takes any file (Slack, WeCom, the
 * sandbox): every platform previews it and Excel opens it. XLSX on DingTalk: its file messages take office
 * documents, PDF and archives (doc/docx/xls/xlsx/ppt/pptx/pdf/zip/rar), and a CSV upload is refused as a bad type.
 */
export const CHAT_EXPORT_FORMAT: Readonly<Record<Platform, ExportFormat>> = {
  sandbox: 'csv',
  slack: 'csv',
  wecom: 'csv',
  dingtalk: 'xlsx',
};

/**
 * The runner's `MakeExport` on the export use-case: the same scope, masking and headers as the HTTP export, written
 * by the CSV or XLSX writer into memory. A chat export is sent as one file, so it is whole before the file store
 * keeps it (the platform limits, 20 MB, bound it).
 */
export function makeChatExport(deps: ExportDeps): MakeExport {
  return async (caller, query) => {
    const format = CHAT_EXPORT_FORMAT[caller.org.chat.platform];
    const chunks: Buffer[] = [];
    const out = new Writable({
      write(chunk: Buffer | string, _encoding, done) {
        chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
        done();
      },
    });
    const sink = openExportSink(format, out, EXPORT_KIND_NAMES[query.kind][caller.locale].title);
    const result = await streamExport(deps, caller, { ...query, format }, sink);
    return {
      fileName: result.fileName,
      mime: EXPORT_CONTENT_TYPES[format],
      rows: result.rows,
      bytes: new Uint8Array(Buffer.concat(chunks)),
    };
  };
}
