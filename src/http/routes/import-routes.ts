import Router from '@koa/router';
import { z } from 'zod';
import type { IntakeDeps } from '../../core/leads/intake-lead.js';
import { STRATEGIES } from '../../core/leads/routing-types.js';
import { assertCan } from '../../core/org/permissions.js';
import { parseInput } from '../../core/shared/validate.js';
import { importLeadFile } from '../../import/import-lead-file.js';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from '../../import/import-limits.js';
import { answerImport, readImportFile } from '../import-request.js';
import type { ApiState } from '../middleware/api-auth.js';

export { IMPORT_LIMIT_BYTES } from '../import-request.js';
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

/** `POST /leads:import`: the file itself is the body (CSV in UTF-8 or GBK, or XLSX); the JSON parser skips this path. */
export function importRoutes(
  deps: IntakeDeps,
  limits: ImportLimits = DEFAULT_IMPORT_LIMITS,
): Router<ApiState> {
  const router = new Router<ApiState>();
  router.post('/leads\\:import', async (ctx) => {
    assertCan(ctx.state.caller, 'lead.create');
    const query = parseInput(querySchema, ctx.query);
    const { format, bytes } = await readImportFile(ctx, query.format);
    await answerImport(ctx, () =>
      importLeadFile(deps, ctx.state.caller.org, bytes, {
        format,
        ...(query.source ? { defaultSource: query.source } : {}),
        ...(query.strategy ? { strategy: query.strategy } : {}),
        dryRun: query.dryRun === 'true',
        limits,
      }),
    );
  });
  return router;
}
