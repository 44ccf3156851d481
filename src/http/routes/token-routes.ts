import Router from '@koa/router';
import type { Actor } from '../../core/org/actor.js';
import { createApiToken } from '../../core/org/create-api-token.js';
import { listApiTokens } from '../../core/org/list-api-tokens.js';
import type { ManageTokenDeps } from '../../core/org/managed-api-tokens.js';
import { revokeApiToken } from '../../core/org/revoke-api-token.js';

/** The org's API tokens (admins): make one (its secret is in this answer only), list them, revoke one. */
export function tokenRoutes(deps: ManageTokenDeps): Router {
  const router = new Router();
  router.post('/tokens', async (ctx) => {
    ctx.status = 201;
    ctx.body = await createApiToken(deps, ctx.state.actor as Actor, ctx.request.body);
  });
  router.get('/tokens', async (ctx) => {
    ctx.body = { tokens: await listApiTokens(deps, ctx.state.actor as Actor) };
  });
  router.delete('/tokens/:id', async (ctx) => {
    ctx.body = {
      token: await revokeApiToken(deps, ctx.state.actor as Actor, { tokenId: ctx.params.id ?? '' }),
    };
  });
  return router;
}
