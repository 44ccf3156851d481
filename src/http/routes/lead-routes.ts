import Router from '@koa/router';
import { z } from 'zod';
import { textsFor } from '../../chat/texts/texts-for.js';
import type { IntakeDeps } from '../../core/leads/intake-lead.js';
import { intakeLead } from '../../core/leads/intake-lead.js';
import { intakeLeadsBatch } from '../../core/leads/intake-leads-batch.js';
import { listLeads } from '../../core/leads/list-leads.js';
import { STRATEGIES } from '../../core/leads/routing-types.js';
import type { Actor } from '../../core/org/caller.js';
import { assertCan } from '../../core/org/permissions.js';
import type { Org } from '../../core/org/types.js';
import { setReclaimPeriod } from '../../core/pools/set-reclaim-period.js';
import { DomainError } from '../../core/shared/errors.js';
import { leadId } from '../../core/shared/ids.js';
import { parseInput } from '../../core/shared/validate.js';
import { HTTP_STATUS } from '../http-status.js';
import { leadJson } from './lead-json.js';

const idempotencyKey = z.string().trim().min(1).max(200).optional();

const batchSchema = z.strictObject({
  leads: z.array(z.unknown()).min(1),
  /** Per-lead keys (imports use a hash of each row), else derived from the Idempotency-Key header. */
  idempotencyKeys: z.array(z.string().min(1).max(200)).optional(),
  strategy: z.enum(STRATEGIES).optional(),
});

/** Lead intake and reading under /api/v1 (behind apiAuth). */
export function leadRoutes(deps: IntakeDeps): Router {
  const router = new Router();
  const header = (value: string | undefined) => parseInput(idempotencyKey, value || undefined);

  router.post('/leads', async (ctx) => {
    const key = header(ctx.get('idempotency-key'));
    const result = await intakeLead(deps, ctx.state.actor as Actor, ctx.state.org as Org, ctx.request.body, {
      ...(key ? { idempotencyKey: key } : {}),
    });
    ctx.status = result.created ? 201 : 200;
    ctx.body = { lead: leadJson(result.lead, ctx.state.actor as Actor) };
  });

  // `:batch` is a literal (Google API style custom method), escaped so the router does not read it as a parameter.
  router.post('/leads\\:batch', async (ctx) => {
    const actor = ctx.state.actor as Actor;
    assertCan(actor, 'lead.create');
    // The use-case checks the size (BATCH_TOO_LARGE, 413), so the schema only checks the shape.
    const body = parseInput(batchSchema, ctx.request.body);
    const key = header(ctx.get('idempotency-key'));
    const results = await intakeLeadsBatch(deps, actor, ctx.state.org as Org, body.leads, {
      ...(key ? { idempotencyKey: key } : {}),
      ...(body.idempotencyKeys ? { idempotencyKeys: body.idempotencyKeys } : {}),
      ...(body.strategy ? { strategy: body.strategy } : {}),
    });
    const en = textsFor('en');
    ctx.body = {
      results: results.map((r) =>
        r.ok
          ? { status: r.created ? 201 : 200, lead: leadJson(r.lead, actor) }
          : {
              status: HTTP_STATUS.VALIDATION_FAILED,
              error: {
                code: 'VALIDATION_FAILED',
                message: en.errors.VALIDATION_FAILED({ issues: r.issues }),
                details: { issues: r.issues },
              },
            },
      ),
    };
  });

  router.get('/leads/:id', async (ctx) => {
    const actor = ctx.state.actor as Actor;
    assertCan(actor, 'lead.read_all');
    const lead = await deps.leads.get(actor.orgId, leadId(ctx.params.id ?? ''));
    if (!lead) throw new DomainError('LEAD_NOT_FOUND', { leadId: ctx.params.id });
    ctx.body = { lead: leadJson(lead, actor) };
  });

  router.patch('/leads/:id', async (ctx) => {
    const actor = ctx.state.actor as Actor;
    const lead = await setReclaimPeriod(
      deps,
      actor,
      ctx.state.org as Org,
      leadId(ctx.params.id ?? ''),
      ctx.request.body,
    );
    ctx.body = { lead: leadJson(lead, actor) };
  });

  router.get('/leads', async (ctx) => {
    const actor = ctx.state.actor as Actor;
    const leads = await listLeads(deps, actor, ctx.query);
    ctx.body = {
      leads: leads.map((l) => leadJson(l, actor)),
      ...(leads.length > 0 ? { next: { before: leads.at(-1)!.id } } : {}),
    };
  });
  return router;
}
