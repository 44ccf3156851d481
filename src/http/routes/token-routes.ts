import Router from '@koa/router';
import type { AuditDeps } from '../../core/audit/index.js';
import { createApiToken } from '../../core/org/create-api-token.js';
import { createMemberToken, type MemberTokenDeps } from '../../core/org/create-member-token.js';
import { listApiTokens } from '../../core/org/list-api-tokens.js';
import { revokeApiToken } from '../../core/org/revoke-api-token.js';
import { memberId } from '../../core/shared/ids.js';
import type { ApiState } from '../middleware/api-auth.js';

/**
 * The org's API tokens: make one (its secret is in this answer only), list them, revoke one. An org token has a
 * `role`; a member's (`POST /tokens {memberId}` or `POST /members/:id/tokens`) acts as that member.
 */
export function tokenRoutes(deps: MemberTokenDeps & AuditDeps): Router<ApiState> {
  const router = new Router<ApiState>();
  router.post('/tokens', async (ctx) => {
    const body: unknown = ctx.request.body;
    ctx.status = 201;
    if (body && typeof body === 'object' && 'memberId' in body) {
      // The member's id is checked by the lookup (an unknown or malformed one is MEMBER_NOT_FOUND).
      const { memberId: id, ...rest } = body as Record<string, unknown>;
      ctx.body = await createMemberToken(deps, ctx.state.caller, {
        memberId: memberId(typeof id === 'string' ? id : ''),
        body: rest,
      });
      return;
    }
    ctx.body = await createApiToken(deps, ctx.state.caller, body);
  });
  router.post('/members/:id/tokens', async (ctx) => {
    ctx.status = 201;
    ctx.body = await createMemberToken(deps, ctx.state.caller, {
      memberId: memberId(ctx.params.id ?? ''),
      body: ctx.request.body ?? {},
    });
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
