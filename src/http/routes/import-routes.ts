import Router from '@koa/router';
import { z } from 'zod';
import { importTexts } from '../../chat/texts/import-texts.js';
import type { IntakeDeps } from '../../core/leads/intake-lead.js';
import { STRATEGIES } from '../../core/leads/routing-types.js';
import { assertCan } from '../../core/org/permissions.js';
import { DomainError } from '../../core/shared/errors.js';
import { parseInput } from '../../core/shared/validate.js';
import { ImportError } from '../../import/import-error.js';
import { importLeadFile } from '../../import/import-lead-file.js';
import { DEFAULT_IMPORT_LIMITS, ImportLimitError, type ImportLimits } from '../../import/import-limits.js';
import { localisedRejected } from '../../import/rejected-reason.js';
import type { ApiState } from '../middleware/api-auth.js';
import { errorLocale } from '../middleware/error-handler.js';
import { readRawBody } from '../read-raw-body.js';

/** A spreadsheet of 10,000 leads is about 1 MB; this leaves room for wide sheets without inviting abuse. */
export const IMPORT_LIMIT_BYTES = 20 * 1024 * 1024;
export const IMPORT_PATH = '/api/v1/leads:import';

const querySchema = z.strictObject({
  format: z.enum(['csv', 'xlsx']).optional(),
  source: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z][a-z0-9_-]{0,31}$/)
    .optional(),
  strategy: z.enum(STRATEGIES).optional(),
  dryRun: z.enum(['true', 'false']).optional(),
});

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** `POST /leads:import`: the file itself is the body (CSV in UTF-8 or GBK, or XLSX); the JSON parser skips this path. */
export function importRoutes(
  deps: IntakeDeps,
  limits: ImportLimits = DEFAULT_IMPORT_LIMITS,
): Router<ApiState> {
  const router = new Router<ApiState>();
  router.post('/leads\\:import', async (ctx) => {
    assertCan(ctx.state.caller, 'lead.create');
    const query = parseInput(querySchema, ctx.query);
    const format =
      query.format ?? (ctx.is(XLSX_TYPE) ? 'xlsx' : ctx.is('text/csv', 'text/plain') ? 'csv' : undefined);
    if (!format) {
      throw new DomainError('VALIDATION_FAILED', {
        issues: [
          { field: 'format', message: 'send Content-Type text/csv or the XLSX type, or ?format=csv|xlsx' },
        ],
      });
    }
    const bytes = await readRawBody(ctx.req, IMPORT_LIMIT_BYTES);
    if (!bytes) throw new DomainError('PAYLOAD_TOO_LARGE', { limitBytes: IMPORT_LIMIT_BYTES });
    try {
      const report = await importLeadFile(deps, ctx.state.caller.org, bytes, {
        format,
        ...(query.source ? { defaultSource: query.source } : {}),
        ...(query.strategy ? { strategy: query.strategy } : {}),
        dryRun: query.dryRun === 'true',
        limits,
      });
      // Each rejected row's reason and each warning in the caller's language, as every error message is.
      const locale = errorLocale(ctx, ctx.state);
      ctx.body = {
        ...report,
        rejected: localisedRejected(report.rejected, locale),
        warnings: report.warnings.map(importTexts(locale).note),
      };
    } catch (error) {
      // The catalogue's PAYLOAD_TOO_LARGE text cannot say which limit; this one names it and says to split the file.
      if (error instanceof ImportLimitError) {
        ctx.status = 413;
        const details = { limit: error.limit, max: error.max };
        const message = importTexts(errorLocale(ctx, ctx.state)).problem({ kind: 'over_limit', ...details });
        ctx.body = { error: { code: 'PAYLOAD_TOO_LARGE', message, details } };
        return;
      }
      if (error instanceof ImportError) {
        // The file's problem as data, so the message is worded in the caller's language like any other field's.
        const problem = error.problem
          ? { problem: { kind: 'import_file', problem: error.problem } as const }
          : {};
        throw new DomainError('VALIDATION_FAILED', {
          issues: [{ field: '(file)', message: error.message, ...problem }],
        });
      }
      throw error;
    }
  });
  return router;
}
