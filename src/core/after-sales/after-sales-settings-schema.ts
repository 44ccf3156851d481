import { z } from 'zod';

const hours = z
  .number()
  .min(0.25)
  .max(24 * 90);

/** `afterSales` of the org settings patch (PATCH /api/v1/org/settings): replaced whole. */
export const afterSalesSettingsSchema = z.strictObject({
  slaHours: z
    .strictObject({
      urgent: hours.optional(),
      high: hours.optional(),
      normal: hours.optional(),
      low: hours.optional(),
    })
    .optional(),
  remindAtPercent: z.number().int().min(1).max(99).optional(),
  teamId: z.string().trim().min(1).max(100).optional(),
  categories: z.array(z.string().trim().min(1).max(40)).max(30).optional(),
});
