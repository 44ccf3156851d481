import Router from '@koa/router';
import { type CampaignRepository, listCampaigns, setCampaignCost } from '../../core/reports/index.js';
import type { Clock } from '../../core/shared/clock.js';
import type { ApiState } from '../middleware/api-auth.js';

const body = (ctx: { request: { body?: unknown } }) => (ctx.request.body ?? {}) as Record<string, unknown>;

/** `PUT /campaigns/:name {cost, currency?}` under /api/v1 (admins and directors), and the list of costs entered. */
export function campaignRoutes(deps: {
  readonly campaigns: CampaignRepository;
  readonly clock: Clock;
}): Router<ApiState> {
  const router = new Router<ApiState>();
  router.put('/campaigns/:name', async (ctx) => {
    const { cost, currency, ...rest } = body(ctx);
    const campaign = await setCampaignCost(deps, ctx.state.caller, {
      // The name is the path's; any other body field is named as unknown by the use-case's schema.
      ...rest,
      name: ctx.params.name ?? '',
      cost,
      ...(currency !== undefined ? { currency } : {}),
    });
    ctx.body = { campaign };
  });
  router.get('/campaigns', async (ctx) => {
    ctx.body = { campaigns: await listCampaigns(deps, ctx.state.caller) };
  });
  return router;
}
