import { z } from 'zod';
import type { FieldFormat } from '../shared/errors.js';
import { textField } from '../shared/text-field.js';
import { GRADES } from './lead-types.js';
import { normalizeEmail } from './normalize-email.js';
import { normalizePhone } from './normalize-phone.js';
import { DEFAULT_SOURCE, sourceSlug } from './source-names.js';

// Blank strings from forms and spreadsheets mean "not given", not "given as empty". Control and bidi characters
// are refused (textField); only the free-text intent may span lines.
const optionalText = (max: number, multiLine = false) =>
  textField({ multiLine })
    .trim()
    .max(max, `at most ${max} characters`)
    .optional()
    .transform((value) => (value === '' ? undefined : value));

/** Optional text that must normalise (phone, email); one that cannot is named with `message`. */
const normalizedText = (
  max: number,
  normalize: (raw: string) => string | undefined,
  message: string,
  format: FieldFormat,
) =>
  optionalText(max).pipe(
    z
      .string()
      .optional()
      .transform((value, ctx) => {
        if (value === undefined) return undefined;
        const normalized = normalize(value);
        if (normalized === undefined) {
          ctx.addIssue({ code: 'custom', message, params: { problem: { kind: 'bad_format', format } } });
          return z.NEVER;
        }
        return normalized;
      }),
  );

/**
 * One lead as an intake channel sends it (API, web form, ad webhook, import row). Strict: a misspelt field is an
 * error, not silently dropped. Phone and email are normalised here, so a value that cannot be one is named at once.
 */
export const leadInputSchema = z
  .strictObject({
    name: optionalText(100),
    phone: normalizedText(40, normalizePhone, 'not a phone number (7–15 digits, optional +86)', 'phone'),
    email: normalizedText(254, normalizeEmail, 'not an email address', 'email'),
    company: optionalText(200),
    wechat: optionalText(64),
    region: optionalText(50),
    productLine: optionalText(50),
    // Known sources score by their quality (see scoring); other lower-case names are accepted and tagged as given.
    // The Chinese names the importer knows (官网, 展会, …) are accepted too; a lead that names none came by the API.
    source: z.preprocess(
      (value) => (typeof value === 'string' ? sourceSlug(value) : value),
      z
        .string()
        .trim()
        .toLowerCase()
        .regex(
          /^[a-z][a-z0-9_-]{0,31}$/,
          'a source name such as website, ad, event, wechat, miniprogram, import, api (or 官网, 广告, 活动 …)',
        )
        .default(DEFAULT_SOURCE),
    ),
    campaign: optionalText(100),
    intent: optionalText(2000, true),
    tags: z.array(textField().trim().min(1).max(30)).max(20).default([]),
    grade: z.enum(GRADES).optional(),
    externalId: optionalText(100),
    /** This lead's own reclaim period (hours); only admins and directors may set it. */
    reclaimAfterHours: z.number().int().min(1).max(720).optional(),
  })
  .superRefine((lead, ctx) => {
    if (lead.phone === undefined && lead.email === undefined && lead.wechat === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['phone'],
        message: 'give at least one of phone, email or wechat',
        params: { problem: { kind: 'one_of', fields: ['phone', 'email', 'wechat'] } },
      });
    }
  });

export type LeadInput = z.output<typeof leadInputSchema>;
