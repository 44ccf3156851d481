import Router from '@koa/router';
import { z } from 'zod';
import { textsFor } from '../../chat/texts/texts-for.js';
import {
  createOrder,
  createOrders,
  MAX_ORDER_BATCH,
  type OrderBatchOutcome,
  type OrderDeps,
} from '../../core/customers/index.js';
import { assertCan } from '../../core/org/index.js';
import { parseInput } from '../../core/shared/validate.js';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from '../../import/import-limits.js';
import { importOrderFile } from '../../import/import-order-file.js';
import { HTTP_STATUS } from '../http-status.js';
import { answerImport, readImportFile } from '../import-request.js';
import type { ApiState } from '../middleware/api-auth.js';
import { orderJson } from './customer-json.js';

const idempotencyKey = z.string().trim().min(1).max(200).optional();

/** The order import's path: its body is the file, so the JSON parser skips it (build-http's rawBodyPaths). */
export const ORDER_IMPORT_PATH = '/api/v1/orders:import';
const importQuery = z.strictObject({
  format: z.enum(['csv', 'xlsx']).optional(),
  dryRun: z.enum(['true', 'false']).optional(),
});

const batchSchema = z.strictObject({
  orders: z.array(z.unknown()).min(1).max(MAX_ORDER_BATCH),
  /** Per-order keys (the import sends a hash of each row). */
  idempotencyKeys: z.array(z.string().min(1).max(200)).optional(),
});

/** One batch item's answer: as the single POST would answer it (its status, the order or the error). */
export function orderResult(outcome: OrderBatchOutcome) {
  if ('order' in outcome) return { status: outcome.created ? 201 : 200, order: orderJson(outcome.order) };
  const { code, details } = outcome.refused;
  const message = textsFor('en').errors[code](details);
  return { status: HTTP_STATUS[code], error: { code, message, details } };
}

/**
 * 订单 entered under /api/v1 (behind apiAuth): one order (`Idempotency-Key` honoured), a batch of them (what
 * `npm run import -- --kind orders` sends) and a CSV or XLSX file of them. Every rule is core's (createOrder).
 */
export function orderRoutes(deps: OrderDeps, limits: ImportLimits = DEFAULT_IMPORT_LIMITS): Router<ApiState> {
  const router = new Router<ApiState>();

  router.post('/orders', async (ctx) => {
    const key = parseInput(idempotencyKey, ctx.get('idempotency-key') || undefined);
    const { order, created } = await createOrder(deps, ctx.state.caller, {
      order: ctx.request.body,
      ...(key ? { requestKey: key } : {}),
    });
    ctx.status = created ? 201 : 200;
    ctx.body = { order: orderJson(order) };
  });

  // `:batch` is a literal (a custom method), escaped so the router does not read it as a parameter.
  router.post('/orders\\:batch', async (ctx) => {
    const body = parseInput(batchSchema, ctx.request.body);
    const keys = body.idempotencyKeys ?? [];
    const outcomes = await createOrders(
      deps,
      ctx.state.caller,
      body.orders.map((input, i) => ({ input, ...(keys[i] ? { requestKey: keys[i] } : {}) })),
    );
    ctx.body = { results: outcomes.map(orderResult) };
  });

  router.post('/orders\\:import', async (ctx) => {
    // Refused before the file is read: a read-only or rep token is not worth 20 MB of parsing.
    assertCan(ctx.state.caller, 'order.create');
    const query = parseInput(importQuery, ctx.query);
    const { format, bytes } = await readImportFile(ctx, query.format);
    await answerImport(ctx, () =>
      importOrderFile(deps, ctx.state.caller, bytes, { format, dryRun: query.dryRun === 'true', limits }),
    );
  });

  return router;
}
