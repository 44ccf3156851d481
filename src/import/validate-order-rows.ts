import { type OrderInput, orderInputSchema } from '../core/customers/index.js';
import { checkRows, type ImportCheck } from './check-rows.js';
import { mapOrderRow, orderInputOf } from './map-order-row.js';
import { planOrderHeaders } from './order-headers.js';
import type { RawRow } from './raw-rows.js';

/** Maps each row of an order file to what `POST /orders` takes and checks it with that schema, sending nothing. */
export function validateOrderRows(rows: readonly RawRow[]): ImportCheck<OrderInput> {
  return checkRows(rows, {
    planHeaders: planOrderHeaders,
    mapRow: mapOrderRow,
    parse: (row) => orderInputSchema.safeParse(orderInputOf(row)),
    // Valid stand-ins for every field but the customer's, whose by-id-or-by-name rule is cross-field.
    standIns: { number: 'SO-0', amount: '1', contractNo: 'HT-0', signedAt: '2026-01-01' },
  });
}
