import type { ErrorDetails } from '../../core/shared/errors.js';

/** The error texts of entering orders (core/customers/create-order.ts), spread into the en catalogue's `errors`. */
export const orderErrorsEn = {
  ORDER_NUMBER_TAKEN: (d: ErrorDetails) =>
    `Order number ${String(d.number ?? '')} exists with other content; a retry sends exactly the same content, a new order needs a new number.`,
  ORDER_KEY_REUSED: (d: ErrorDetails) =>
    `This Idempotency-Key made order ${String(d.number ?? '')}, with other content; use a new key for a new order.`,
  ORDER_OWNER_NOT_FOUND: (d: ErrorDetails) =>
    `No active member "${String(d.owner ?? '')}": give a member's exact name or id as the owner.`,
} as const;
