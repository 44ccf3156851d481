import Router from '@koa/router';
import {
  computeReport,
  listReportItems,
  type ReportDeps,
  type ReportItemDeps,
  type ReportItems,
} from '../../core/reports/index.js';
import type { ApiState } from '../middleware/api-auth.js';

/** Each listed record's API address: a lead by its code, a task by its complaint (tasks have no GET of their own). */
function withLinks(found: ReportItems) {
  if (found.kind === 'tasks')
    return {
      ...found,
      items: found.items.map((i) => ({
        ...i,
        href: `/api/v1/complaints/${encodeURIComponent(i.complaintCode)}`,
      })),
    };
  return {
    ...found,
    items: found.items.map((i) => ({
      ...i,
      ...(i.code ? { href: `/api/v1/leads/${encodeURIComponent(i.code)}` } : {}),
    })),
  };
}

/**
 * Under /api/v1, for the dashboard (and any API client):
 * `GET /reports/dashboard?from&to&period&team`: every section the caller's role sees, in one answer (one request
 * draws the whole page);
 * `GET /reports/items?figure&member&stage&channel&kind&page&pageSize&from&to&period&team`: the leads or tasks
 * behind one figure (core's listReportItems: the figure's definition and scope, a page at a time).
 */
export function dashboardApiRoutes(deps: ReportDeps & ReportItemDeps): Router<ApiState> {
  const router = new Router<ApiState>();
  router.get('/reports/dashboard', async (ctx) => {
    const { scope: _scope, ...report } = await computeReport(deps, ctx.state.caller, { ...ctx.query });
    ctx.body = { report };
  });
  router.get('/reports/items', async (ctx) => {
    ctx.body = withLinks(await listReportItems(deps, ctx.state.caller, { ...ctx.query }));
  });
  return router;
}
