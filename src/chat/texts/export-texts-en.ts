import { EXPORT_KINDS } from '../../core/exports/index.js';
import type { ErrorDetails } from '../../core/shared/errors.js';

/** The error texts of exports (core/exports), spread into the en catalogue's `errors`. */
export const exportErrorsEn = {
  EXPORT_KIND_UNKNOWN: (d: ErrorDetails) =>
    `There is no export called "${String(d.kind ?? '')}"; you can export ${EXPORT_KINDS.join(', ')}.`,
} as const;
