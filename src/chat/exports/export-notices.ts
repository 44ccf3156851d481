import type { ExportKind } from '../../core/exports/export-kinds.js';

/** The export's file is ready: sent to the member's DM as a file message (the bytes are in the file store). */
export type ExportFileData = {
  readonly fileId: string;
  readonly fileName: string;
  readonly mime: string;
  readonly kind: ExportKind;
  readonly rows: number;
  /** The period as asked (`本月`, `2026-11`), for the message's text; absent: everything. */
  readonly period?: string;
};

/** Nothing matched: one line instead of an empty file. */
export type ExportEmptyData = { readonly kind: ExportKind; readonly period?: string };

/**
 * The export could not be made. `code` is a DomainError code (worded from the catalogue in the reader's
 * language) or `failed` for anything else (a bug, the database down: the logs have it).
 */
export type ExportFailedData = { readonly kind: ExportKind; readonly period?: string; readonly code: string };

declare module '../../core/shared/notices.js' {
  interface NoticeDataByKind {
    'export.file': ExportFileData;
    'export.empty': ExportEmptyData;
    'export.failed': ExportFailedData;
  }
}
