import Router from '@koa/router';
import { type ConfigureRoutingDeps, configureRouting } from '../../core/leads/configure-routing.js';
import { configureScoring } from '../../core/leads/configure-scoring.js';
import { DEFAULT_SCORING } from '../../core/leads/score-lead.js';
import type { Actor } from '../../core/org/caller.js';
import { assertCan } from '../../core/org/permissions.js';
import type { Org } from '../../core/org/types.js';

/** The org's routing rules and scoring table: read them, or replace either whole (admins). */
export function routingRoutes(deps: ConfigureRoutingDeps): Router {
  const router = new Router();
  router.get('/routing', (ctx) => {
    assertCan(ctx.state.actor as Actor, 'routing.read');
    ctx.body = { routing: (ctx.state.org as Org).settings.routing ?? null };
  });
  router.put('/routing', async (ctx) => {
    ctx.body = { routing: await configureRouting(deps, ctx.state.actor as Actor, ctx.request.body) };
  });
  router.get('/scoring', (ctx) => {
    assertCan(ctx.state.actor as Actor, 'routing.read');
    const scoring = (ctx.state.org as Org).settings.scoring;
    ctx.body = { scoring: scoring ?? DEFAULT_SCORING, isDefault: scoring === undefined };
  });
  router.put('/scoring', async (ctx) => {
    ctx.body = { scoring: await configureScoring(deps, ctx.state.actor as Actor, ctx.request.body) };
  });
  return router;
}
