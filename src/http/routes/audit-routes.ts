import Router from '@koa/router';
import { type ListAuditDeps, listAuditEntries } from '../../core/audit/index.js';
import type { ApiState } from '../middleware/api-auth.js';

/**
 * `GET /api/v1/audit?actor&kind&from&to&limit&cursor` (admins): the org's audit trail, newest first. `next` is the
 * cursor of the following page, absent on the last; 400 names every bad query field, 403 for a non-admin.
 */
export function auditRoutes(deps: ListAuditDeps): Router<ApiState> {
  const router = new Router<ApiState>();
  router.get('/audit', async (ctx) => {
    const page = await listAuditEntries(deps, ctx.state.caller, ctx.query);
    ctx.body = {
      entries: page.entries.map(({ orgId: _org, expireAt: _expiry, ...entry }) => entry),
      ...(page.next ? { next: page.next } : {}),
    };
  });
  return router;
}
