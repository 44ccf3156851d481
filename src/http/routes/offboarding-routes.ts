import Router from '@koa/router';
import { type OffboardDeps, offboardMember } from '../../core/offboarding/index.js';
import { memberId } from '../../core/shared/ids.js';
import type { ApiState } from '../middleware/api-auth.js';

/**
 * `POST /api/v1/members/:id/offboard` `{ "leadsTo": "<member id>" | "pool" }` (admins): the member leaves. 200 with
 * what was done; 404 for an unknown member or receiver, 403 for a non-admin, 409 when they already left, another
 * admin's run is in progress, or the receiver cannot take leads; 400 names every bad field.
 */
export function offboardingRoutes(deps: OffboardDeps): Router<ApiState> {
  const router = new Router<ApiState>();
  router.post('/members/:id/offboard', async (ctx) => {
    const result = await offboardMember(deps, ctx.state.caller, {
      memberId: memberId(ctx.params.id ?? ''),
      body: ctx.request.body,
    });
    ctx.body = { offboarding: result };
  });
  return router;
}
