import type { ExportErrorCode } from '../../core/exports/index.js';

/** The HTTP status of each rule failure of exports (spread into HTTP_STATUS). */
export const EXPORT_HTTP_STATUS: Readonly<Record<ExportErrorCode, number>> = {
  EXPORT_KIND_UNKNOWN: 404,
};
