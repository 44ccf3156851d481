/** Rule failures of exports. */
export type ExportErrorCode =
  /** `details.kind`: as asked (`GET /api/v1/exports/<kind>`); `details.kinds`: the ones there are. */
  'EXPORT_KIND_UNKNOWN';

declare module '../shared/errors.js' {
  interface DomainErrorCodes extends Record<ExportErrorCode, true> {}
}
