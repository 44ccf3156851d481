import Router from '@koa/router';
import { z } from 'zod';
import { changeStage, type StageDeps } from '../../core/customers/index.js';
import { parseInput } from '../../core/shared/validate.js';
import type { ApiState } from '../middleware/api-auth.js';
import { customerJson, orderJson, stageJson } from './customer-json.js';
import { leadJson } from './lead-json.js';

// The body's shape only; which evidence the target needs is the use-case's (it names every missing field at once).
const bodySchema = z.looseObject({ to: z.unknown() });

/**
 * `POST /api/v1/leads/:ref/stage` (`{ to, quote?, deal?, loss?, nextContactAt? }`, ref = id or `L-1042`): 200 with
 * the lead, its stage and (into 成交) the customer and order; `changed: false` when it was so already.
 */
export function leadStageRoutes(deps: StageDeps): Router<ApiState> {
  const router = new Router<ApiState>();
  router.post('/leads/:ref/stage', async (ctx) => {
    const { caller } = ctx.state;
    const body = parseInput(bodySchema, ctx.request.body) as Record<string, unknown>;
    const result = await changeStage(deps, caller, {
      ...(body as { to: string }),
      leadId: ctx.params.ref ?? '',
    });
    ctx.body = {
      changed: result.changed,
      lead: leadJson(result.lead, caller),
      stage: stageJson(caller.org, result.lead),
      ...(result.customer ? { customer: customerJson(result.customer) } : {}),
      ...(result.order ? { order: orderJson(result.order) } : {}),
    };
  });
  return router;
}
