import type { Context } from 'koa';
import { importTexts } from '../chat/texts/import-texts.js';
import { DomainError } from '../core/shared/errors.js';
import type { RejectedRow } from '../import/check-rows.js';
import { ImportError, type ImportWarning } from '../import/import-error.js';
import { ImportLimitError } from '../import/import-limits.js';
import type { ImportFormat } from '../import/read-lead-file.js';
import { localisedRejected } from '../import/rejected-reason.js';
import type { ApiState } from './middleware/api-auth.js';
import { errorLocale } from './middleware/error-handler.js';
import { readRawBody } from './read-raw-body.js';

/** A spreadsheet of 10,000 leads is about 1 MB; this leaves room for wide sheets without inviting abuse. */
export const IMPORT_LIMIT_BYTES = 20 * 1024 * 1024;

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type ImportContext = Context & { state: ApiState };

/**
 * The file of an import request (`/leads:import`, `/orders:import`): the body itself, CSV in UTF-8 or GBK or XLSX,
 * its format from `?format=` or the Content-Type; the JSON parser skips these paths.
 */
export async function readImportFile(
  ctx: ImportContext,
  given: ImportFormat | undefined,
): Promise<{ format: ImportFormat; bytes: Uint8Array }> {
  const format = given ?? (ctx.is(XLSX_TYPE) ? 'xlsx' : ctx.is('text/csv', 'text/plain') ? 'csv' : undefined);
  if (!format) {
    throw new DomainError('VALIDATION_FAILED', {
      issues: [
        { field: 'format', message: 'send Content-Type text/csv or the XLSX type, or ?format=csv|xlsx' },
      ],
    });
  }
  const bytes = await readRawBody(ctx.req, IMPORT_LIMIT_BYTES);
  if (!bytes) throw new DomainError('PAYLOAD_TOO_LARGE', { limitBytes: IMPORT_LIMIT_BYTES });
  return { format, bytes };
}

/**
 * Runs an import and answers its report with each rejected row's reason and each warning in the caller's
 * language; a file over a limit is a 413 naming it, a file that cannot be read a 400 saying why.
 */
export async function answerImport(
  ctx: ImportContext,
  run: () => Promise<{
    readonly rejected: readonly RejectedRow[];
    readonly warnings: readonly ImportWarning[];
  }>,
): Promise<void> {
  try {
    const report = await run();
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
}
