import Router from '@koa/router';
import {
  type ConfigureRoutingDeps,
  configureRouting,
  configureScoring,
  DEFAULT_SCORING,
} from '../../core/leads/index.js';
import { assertCan } from '../../core/org/index.js';
import type { ApiState } from '../middleware/api-auth.js';

/** The org's routing rules and scoring table: read them, or replace either whole (admins). */
export function routingRoutes(deps: ConfigureRoutingDeps): Router<ApiState> {
  const router = new Router<ApiState>();
  router.get('/routing', (ctx) => {
    assertCan(ctx.state.caller, 'routing.read');
    ctx.body = { routing: ctx.state.caller.org.settings.routing ?? null };
  });
  router.put('/routing', async (ctx) => {
    ctx.body = { routing: await configureRouting(deps, ctx.state.caller, { routing: ctx.request.body }) };
  });
  router.get('/scoring', (ctx) => {
    assertCan(ctx.state.caller, 'routing.read');
    const scoring = ctx.state.caller.org.settings.scoring;
    ctx.body = { scoring: scoring ?? DEFAULT_SCORING, isDefault: scoring === undefined };
  });
  router.put('/scoring', async (ctx) => {
    ctx.body = { scoring: await configureScoring(deps, ctx.state.caller, { scoring: ctx.request.body }) };
  });
  return router;
}
