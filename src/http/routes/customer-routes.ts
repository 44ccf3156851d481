import Router from '@koa/router';
import { z } from 'zod';
import { getCustomer, listCustomers, listOrders, type StageDeps } from '../../core/customers/index.js';
import { customerId } from '../../core/shared/ids.js';
import { parseInput } from '../../core/shared/validate.js';
import type { ApiState } from '../middleware/api-auth.js';
import { customerJson, orderJson } from './customer-json.js';

const id = z.string().regex(/^[0-9a-f]{24}$/i, 'a 24-hex id');
const listSchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: id.optional(),
});
const ordersSchema = z.strictObject({ customer: id });

/**
 * 客户 and 订单 under /api/v1 (behind apiAuth): the customers a caller may see, newest first and paged by id, one
 * customer with its orders, and a customer's orders (what the after-sales issue's complaints name).
 */
export function customerRoutes(deps: Pick<StageDeps, 'customers' | 'orders'>): Router<ApiState> {
  const router = new Router<ApiState>();

  router.get('/customers', async (ctx) => {
    const q = parseInput(listSchema, ctx.query);
    const customers = await listCustomers(deps, ctx.state.caller, {
      limit: q.limit,
      ...(q.before ? { before: customerId(q.before.toLowerCase()) } : {}),
    });
    ctx.body = {
      customers: customers.map(customerJson),
      ...(customers.length === q.limit ? { next: { before: customers.at(-1)!.id } } : {}),
    };
  });

  router.get('/customers/:id', async (ctx) => {
    const { customer, orders } = await getCustomer(deps, ctx.state.caller, {
      customerId: customerId(ctx.params.id ?? ''),
    });
    ctx.body = { customer: { ...customerJson(customer), orders: orders.map(orderJson) } };
  });

  router.get('/orders', async (ctx) => {
    const q = parseInput(ordersSchema, ctx.query);
    const orders = await listOrders(deps, ctx.state.caller, {
      customerId: customerId(q.customer.toLowerCase()),
    });
    ctx.body = { orders: orders.map(orderJson) };
  });
  return router;
}
