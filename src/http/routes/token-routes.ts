import Router from '@koa/router';
import type { AuditDeps } from '../../core/audit/index.js';
import { createApiToken } from '../../core/org/create-api-token.js';
import { listApiTokens } from '../../core/org/list-api-tokens.js';
import type { ManageTokenDeps } from '../../core/org/managed-api-tokens.js';
import { revokeApiToken } from '../../core/org/revoke-api-token.js';
import type { ApiState } from '../middleware/api-auth.js';

/** The org's API tokens (admins): make one (its secret is in this answer only), list them, revoke one. */
export function tokenRoutes(deps: ManageTokenDeps & AuditDeps): Router<ApiState> {
  const router = new Router<ApiState>();
  router.post('/tokens', async (ctx) => {
    ctx.status = 201;
    ctx.body = await createApiToken(deps, ctx.state.caller, ctx.request.body);
  });
  router.get('/tokens', async (ctx) => {
    ctx.body = { tokens: await listApiTokens(deps, ctx.state.caller) };
  });
  router.delete('/tokens/:id', async (ctx) => {
    ctx.body = {
      token: await revokeApiToken(deps, ctx.state.caller, { tokenId: ctx.params.id ?? '' }),
    };
  });
  return router;
}
