/** Rule failures of customer stages, customers and orders. */
export type CustomerErrorCode =
  /** `details.to`: what was typed; `details.stages`: the org's stage names, to choose from. */
  | 'STAGE_NOT_FOUND'
  /** Only the owner, their manager, a director or an admin changes a lead's stage. */
  | 'STAGE_NOT_YOURS'
  /** Out of 成交 or 流失 only a manager, director or admin may move a lead (`details.from`). */
  | 'STAGE_REOPEN_FORBIDDEN'
  /** A duplicate (撞单) has no stage of its own: its original does. */
  | 'STAGE_NOT_ALLOWED'
  /** The lead is closed in this stage already with other evidence (another contract): reopen it first. */
  | 'STAGE_CLOSED'
  /** Another lead's order has this contract number (`details.contractNo`, `details.orderNumber`). */
  | 'CONTRACT_NO_TAKEN'
  | 'CUSTOMER_NOT_FOUND';

declare module '../shared/errors.js' {
  interface DomainErrorCodes extends Record<CustomerErrorCode, true> {}
}
