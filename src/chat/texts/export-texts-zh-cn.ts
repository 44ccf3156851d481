import { EXPORT_KIND_NAMES, EXPORT_KINDS } from '../../core/exports/index.js';
import type { ErrorDetails } from '../../core/shared/errors.js';

const kindWords = EXPORT_KINDS.map((k) => EXPORT_KIND_NAMES[k]['zh-CN'].title).join('、');

/** The error texts of exports (core/exports), spread into the zh-CN catalogue's `errors`. */
export const exportErrorsZhCN = {
  EXPORT_KIND_UNKNOWN: (d: ErrorDetails) =>
    `没有「${String(d.kind ?? '')}」这种导出；可以导出：${kindWords}。`,
} as const;
