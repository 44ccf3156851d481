import Router from '@koa/router';
import { z } from 'zod';
import { textsFor } from '../../chat/texts/texts-for.js';
import { DUE_LISTS, type DueLeadsDeps, flattenView, listDueLeads } from '../../core/follow-ups/index.js';
import {
  type BatchResult,
  getLead,
  type IntakeDeps,
  intakeLead,
  intakeLeadsBatch,
  listLeads,
  STRATEGIES,
} from '../../core/leads/index.js';
import { assertCan, type Caller } from '../../core/org/index.js';
import { assignLead, assignLeads, setReclaimPeriod } from '../../core/pools/index.js';
import { parseInput } from '../../core/shared/validate.js';
import { HTTP_STATUS } from '../http-status.js';
import type { ApiState } from '../middleware/api-auth.js';
import { leadJson } from './lead-json.js';

const idempotencyKey = z.string().trim().min(1).max(200).optional();

/** `GET /leads?include=history`: a list is a summary unless it asks for each lead's history. */
const listIncludeSchema = z.strictObject({ include: z.enum(['history']).optional() });

const batchSchema = z.strictObject({
  leads: z.array(z.unknown()).min(1),
  /** Per-lead keys (imports use a hash of each row), else derived from the Idempotency-Key header. */
  idempotencyKeys: z.array(z.string().min(1).max(200)).optional(),
  strategy: z.enum(STRATEGIES).optional(),
});

/** `POST /leads/:id:assign`: a member's id (or exact name), or `pool`; `force` is for directors and admins. */
const assignSchema = z.strictObject({
  to: z.string().trim().min(1).max(100),
  force: z.boolean().optional(),
  reason: z.string().max(500).optional(),
});

/** A refused batch item as the error handler would answer it alone: its status and `{ code, message, details }`. */
function itemError(r: Exclude<BatchResult, { ok: true }>) {
  const [code, details] =
    'refused' in r
      ? [r.refused.code, r.refused.details]
      : (['VALIDATION_FAILED', { issues: r.issues }] as const);
  const message = textsFor('en').errors[code](details);
  return { status: HTTP_STATUS[code], error: { code, message, details } };
}

/** Lead intake and reading under /api/v1 (behind apiAuth). */
export function leadRoutes(deps: IntakeDeps & DueLeadsDeps): Router<ApiState> {
  const router = new Router<ApiState>();
  const header = (value: string | undefined) => parseInput(idempotencyKey, value || undefined);

  router.post('/leads', async (ctx) => {
    const { caller } = ctx.state;
    const key = header(ctx.get('idempotency-key'));
    const result = await intakeLead(deps, caller, {
      lead: ctx.request.body,
      ...(key ? { idempotencyKey: key } : {}),
    });
    ctx.status = result.created ? 201 : 200;
    ctx.body = { lead: leadJson(result.lead, caller) };
  });

  // `:batch` is a literal (Google API style custom method), escaped so the router does not read it as a parameter.
  router.post('/leads\\:batch', async (ctx) => {
    const { caller } = ctx.state;
    assertCan(caller, 'lead.create');
    // The use-case checks the size (BATCH_TOO_LARGE, 413), so the schema only checks the shape.
    const body = parseInput(batchSchema, ctx.request.body);
    const key = header(ctx.get('idempotency-key'));
    const results = await intakeLeadsBatch(deps, caller, {
      leads: body.leads,
      ...(key ? { idempotencyKey: key } : {}),
      ...(body.idempotencyKeys ? { idempotencyKeys: body.idempotencyKeys } : {}),
      ...(body.strategy ? { strategy: body.strategy } : {}),
    });
    ctx.body = {
      results: results.map((r) =>
        r.ok ? { status: r.created ? 201 : 200, lead: leadJson(r.lead, caller) } : itemError(r),
      ),
    };
  });

  // Bulk: by codes or by filter, with a strategy; `dryRun` answers who would get how many and writes nothing.
  router.post('/leads\\:assign', async (ctx) => {
    ctx.body = await assignLeads(deps, ctx.state.caller, ctx.request.body);
  });

  router.post('/leads/:id\\:assign', async (ctx) => {
    const { caller } = ctx.state;
    const body = parseInput(assignSchema, ctx.request.body);
    const lead = await assignLead(deps, caller, {
      leadId: ctx.params.id ?? '',
      to: body.to,
      ...(body.force !== undefined ? { force: body.force } : {}),
      ...(body.reason ? { reason: body.reason } : {}),
    });
    ctx.body = { lead: leadJson(lead, caller) };
  });

  router.get('/leads/:id', async (ctx) => {
    const { caller } = ctx.state;
    const lead = await getLead(deps, caller, { leadId: ctx.params.id ?? '' });
    ctx.body = { lead: leadJson(lead, caller) };
  });

  router.patch('/leads/:id', async (ctx) => {
    const { caller } = ctx.state;
    const lead = await setReclaimPeriod(deps, caller, {
      leadId: ctx.params.id ?? '',
      period: ctx.request.body,
    });
    ctx.body = { lead: leadJson(lead, caller) };
  });

  router.get('/leads', async (ctx) => {
    const { caller } = ctx.state;
    if (ctx.query.due !== undefined) {
      ctx.body = await dueLeadsJson(deps, caller, ctx.query);
      return;
    }
    const { include, ...query } = ctx.query;
    const history = parseInput(listIncludeSchema, { include }).include === 'history';
    const leads = await listLeads(deps, caller, { query });
    ctx.body = {
      leads: leads.map((l) => leadJson(l, caller, { history })),
      ...(leads.length > 0 ? { next: { before: leads.at(-1)!.id } } : {}),
    };
  });
  return router;
}

/** `GET /leads?due=today|overdue|stalled[&limit=]`: one of the agenda's lists over the caller's scope. */
const dueSchema = z.strictObject({
  due: z.enum(DUE_LISTS),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

async function dueLeadsJson(deps: DueLeadsDeps, caller: Caller, query: unknown) {
  const { due, limit } = parseInput(dueSchema, query);
  const views = await listDueLeads(deps, caller, { top: limit });
  const { count, leads } = flattenView(views[due], limit);
  return { due, count, leads: leads.map((l) => leadJson(l, caller)) };
}
