import type { OrderErrorCode } from '../../core/customers/index.js';

/** The HTTP status of each rule failure of entering orders (spread into HTTP_STATUS). */
export const ORDER_HTTP_STATUS: Readonly<Record<OrderErrorCode, number>> = {
  ORDER_NUMBER_TAKEN: 409,
  ORDER_KEY_REUSED: 409,
  ORDER_OWNER_NOT_FOUND: 422,
};
