import { z } from 'zod';
import { validationFailed } from '../shared/errors.js';
import { nextLocalMidnight } from '../shared/local-day.js';
import { textField } from '../shared/text-field.js';
import { parseInput } from '../shared/validate.js';

const text = (max: number) => textField().trim().min(1).max(max);
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * An order as entered by API or import: its own number (the ERP's, `SO-2024-017`), the customer by id or by
 * company name, what was sold, the amount, the contract and its signing date (a day, `2026-12-01`, or an instant
 * with its offset), and the owner (a member's id or exact name; absent: the caller).
 */
export const orderInputSchema = z
  .strictObject({
    number: text(60),
    customerId: z
      .string()
      .regex(/^[0-9a-f]{24}$/i, 'a 24-hex id')
      .optional(),
    customer: text(200).optional(),
    items: textField({ multiLine: true }).trim().min(1).max(2000).optional(),
    amount: z.number().positive().max(1e12),
    contractNo: text(60),
    signedAt: z.union([z.iso.date(), z.iso.datetime({ offset: true })]),
    owner: text(100).optional(),
  })
  .superRefine((o, ctx) => {
    // Exactly one way to name the customer: an id names a stored one, a name finds or makes one.
    if ((o.customerId === undefined) === (o.customer === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [o.customerId === undefined ? 'customer' : 'customerId'],
        message: 'give the customer by customerId or by company name (customer), one of them',
      });
    }
  });
export type OrderInput = z.input<typeof orderInputSchema>;
export type ParsedOrderInput = z.output<typeof orderInputSchema>;

/** The input checked (every bad field at once) with its signing date as an instant. */
export function parseOrderInput(input: unknown, timeZone: string): ParsedOrderInput & { signedOn: Date } {
  const parsed = parseInput(orderInputSchema, input);
  return { ...parsed, signedOn: signingInstant(parsed.signedAt, timeZone) };
}

/** A bare day is the org's midnight of that day (what the contract says); an instant is taken as given. */
function signingInstant(text: string, timeZone: string): Date {
  if (!DAY.test(text)) return new Date(text);
  const noon = Date.parse(`${text}T12:00:00Z`);
  if (Number.isNaN(noon)) throw validationFailed([{ field: 'signedAt', message: 'not a calendar day' }]);
  // The day before's noon (UTC) is the day before in every zone within ±12 h; its next midnight is the day's.
  return nextLocalMidnight(new Date(noon - 86_400_000), timeZone);
}
