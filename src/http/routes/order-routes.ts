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
import { parseInput } from '../../core/shared/validate.js';
import { HTTP_STATUS } from '../http-status.js';
import type { ApiState } from '../middleware/api-auth.js';
import { orderJson } from './customer-json.js';

const idempotencyKey = z.string().trim().min(1).max(200).optional();

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
 * 订单 entered under /api/v1 (behind apiAuth): one order (`Idempotency-Key` honoured) and a batch of them (what
 * `npm run import -- --kind orders` sends). Every rule is core's (createOrder); these only translate.
 */
export function orderRoutes(deps: OrderDeps): Router<ApiState> {
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

  return router;
}
