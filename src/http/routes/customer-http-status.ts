import type { CustomerErrorCode } from '../../core/customers/index.js';

/** The HTTP status of each rule failure of customer stages, customers and orders (spread into HTTP_STATUS). */
export const CUSTOMER_HTTP_STATUS: Readonly<Record<CustomerErrorCode, number>> = {
  STAGE_NOT_FOUND: 400,
  STAGE_NOT_YOURS: 403,
  STAGE_REOPEN_FORBIDDEN: 403,
  STAGE_NOT_ALLOWED: 409,
  STAGE_CLOSED: 409,
  CONTRACT_NO_TAKEN: 409,
  CUSTOMER_NOT_FOUND: 404,
};
