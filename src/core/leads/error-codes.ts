/** Rule failures of leads: intake, dedupe and reading. */
export type LeadErrorCode =
  | 'LEAD_NOT_FOUND'
  | 'LEAD_IS_DUPLICATE'
  | 'BATCH_TOO_LARGE'
  /** An idempotency key (or source + externalId) sent again with a different lead. */
  | 'IDEMPOTENCY_KEY_REUSED';

declare module '../shared/errors.js' {
  interface DomainErrorCodes extends Record<LeadErrorCode, true> {}
}
