import { z } from 'zod';
import { assertCan, type Caller } from '../org/index.js';
import { validationFailed } from '../shared/errors.js';
import { parseInput } from '../shared/validate.js';
import type { AfterSalesFigures, CustomerComplaintFigure, StaffHoursFigure } from './ports.js';

const MAX_DAYS = 366;
const periodSchema = z.strictObject({ from: z.coerce.date(), to: z.coerce.date() });

export type AfterSalesFigureSet = {
  readonly from: Date;
  readonly to: Date;
  readonly staff: readonly StaffHoursFigure[];
  readonly customers: readonly CustomerComplaintFigure[];
};

/**
 * The after-sales figures of a period (the reports issue draws them): per staff member reported vs approved hours
 * and the overdue rate (over the tasks approved in it), per customer the complaints raised and the mean time to
 * resolve. Two aggregations in the database.
 */
export async function getAfterSalesFigures(
  deps: { readonly figures: AfterSalesFigures },
  caller: Caller,
  input: { readonly from: unknown; readonly to: unknown },
): Promise<AfterSalesFigureSet> {
  assertCan(caller, 'after_sales.figures');
  const { from, to } = parseInput(periodSchema, input);
  if (!(from < to) || to.getTime() - from.getTime() > MAX_DAYS * 86_400_000)
    throw validationFailed([
      {
        field: 'to',
        message: `after from, at most ${MAX_DAYS} days later`,
        problem: { kind: 'out_of_order' },
      },
    ]);
  const period = { from, to };
  const [staff, customers] = await Promise.all([
    deps.figures.staffHours(caller.org.id, period),
    deps.figures.customerComplaints(caller.org.id, period),
  ]);
  return { from, to, staff, customers };
}
