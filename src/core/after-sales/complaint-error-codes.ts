/** The complaint side's own refusals (issue #13's chat part), registered beside the domain's error codes. */
export type ComplaintErrorCode =
  /** Only after-sales managers assign a complaint (the centre card's buttons); details.roles. */
  | 'COMPLAINT_ASSIGN_NOT_MANAGER'
  /** No customer's name or code matches what was typed (details.customer, as typed). */
  | 'COMPLAINT_CUSTOMER_NOT_FOUND';

declare module '../shared/errors.js' {
  interface DomainErrorCodes extends Record<ComplaintErrorCode, true> {}
}
