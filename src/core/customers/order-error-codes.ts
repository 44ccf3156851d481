/** Rule failures of entering orders (`POST /orders`, the order import). */
export type OrderErrorCode =
  /** `details.number`: another order has this number with other content (`details.orderId`). */
  | 'ORDER_NUMBER_TAKEN'
  /** `details.key`: the Idempotency-Key made another order (`details.number`); a retry sends the same content. */
  | 'ORDER_KEY_REUSED'
  /** `details.owner`: as given; no active member of the org has that id or exact name. */
  | 'ORDER_OWNER_NOT_FOUND';

declare module '../shared/errors.js' {
  interface DomainErrorCodes extends Record<OrderErrorCode, true> {}
}
