import { z } from 'zod';
import { textField } from '../shared/text-field.js';

// A key is what records store and the English grammar types: lower-case words joined by '-', never renamed.
const KEY = /^[a-z0-9][a-z0-9_-]{0,39}$/;

/**
 * `followUps` of the org settings patch (PATCH /api/v1/org/settings): the whole outcome list, replaced at once. Keys
 * are stable ids (records keep them), names are what people see and may change; two outcomes may not share a key.
 */
export const followUpSettingsSchema = z.strictObject({
  outcomes: z
    .array(
      z.strictObject({
        key: z.string().regex(KEY),
        name: textField().trim().min(1).max(40),
        stage: z.string().regex(KEY).optional(),
      }),
    )
    .min(1)
    .max(30)
    .superRefine((outcomes, ctx) => {
      outcomes.forEach((o, i) => {
        if (outcomes.findIndex((other) => other.key === o.key) !== i)
          ctx.addIssue({
            code: 'custom',
            path: [i, 'key'],
            message: 'key given twice',
            params: { problem: 'duplicate' },
          });
      });
    }),
});
