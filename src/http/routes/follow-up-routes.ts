import Router from '@koa/router';
import { z } from 'zod';
import {
  correctFollowUp,
  type FollowUp,
  type FollowUpDeps,
  getFollowUp,
  listFollowUps,
  outcomeOf,
  type RecordFollowUpInput,
  recordFollowUp,
} from '../../core/follow-ups/index.js';
import type { Caller } from '../../core/org/index.js';
import { parseInput } from '../../core/shared/validate.js';
import type { ApiState } from '../middleware/api-auth.js';
import { leadJson } from './lead-json.js';

const idempotencyKey = z.string().trim().min(1).max(200).optional();

/**
 * The body's shape, and its one field JSON cannot carry as is: the next contact time in ISO 8601 with an offset
 * (`2026-12-03T10:00:00+08:00`). Every other field is checked by the use-case, which names every bad one at once.
 */
const bodySchema = z.looseObject({
  nextContactAt: z.iso.datetime({ offset: true }).optional(),
});

const listSchema = z.strictObject({ versions: z.enum(['current', 'all']).optional() });

/** A follow-up record as the API shows it: the outcome by key and by the org's name for it. */
function followUpJson(f: FollowUp, caller: Caller) {
  const outcome = outcomeOf(caller.org, f.outcome);
  return {
    id: f.id,
    recordId: f.recordId,
    version: f.version,
    leadId: f.leadId,
    ...(f.customerId ? { customerId: f.customerId } : {}),
    channel: f.channel,
    content: f.content,
    ...(f.outcome ? { outcome: f.outcome, outcomeName: outcome?.name ?? f.outcome } : {}),
    ...(f.nextStep !== undefined ? { nextStep: f.nextStep } : {}),
    ...(f.nextContactAt ? { nextContactAt: f.nextContactAt.toISOString() } : {}),
    authorId: f.authorId,
    authorName: f.authorName,
    at: f.at.toISOString(),
    ...(f.correctedAt ? { correctedAt: f.correctedAt.toISOString() } : {}),
    ...(f.correctedById ? { correctedById: f.correctedById, correctedByName: f.correctedByName } : {}),
    ...(f.supersededAt ? { supersededAt: f.supersededAt.toISOString() } : {}),
  };
}

/** The body's fields as the use-cases take them: the next contact time as a Date. */
function inputOf(body: unknown): Omit<RecordFollowUpInput, 'leadId'> {
  const { nextContactAt, ...rest } = parseInput(bodySchema, body ?? {});
  return { ...(rest as object), ...(nextContactAt ? { nextContactAt: new Date(nextContactAt) } : {}) };
}

/** 跟进记录 under /api/v1 (behind apiAuth): record, list, read with versions, correct. */
export function followUpRoutes(deps: FollowUpDeps): Router<ApiState> {
  const router = new Router<ApiState>();

  // `:ref` is the lead's id or code (L-1042). An API token records for the lead's owner (follow_up.record_for_owner).
  router.post('/leads/:ref/follow-ups', async (ctx) => {
    const { caller } = ctx.state;
    const key = parseInput(idempotencyKey, ctx.get('idempotency-key') || undefined);
    const result = await recordFollowUp(deps, caller, {
      ...inputOf(ctx.request.body),
      leadId: ctx.params.ref ?? '',
      // Its own space in the (org, request key) index: an API key never meets a chat event id.
      ...(key ? { requestKey: `api:${key}` } : {}),
    });
    ctx.status = result.replayed ? 200 : 201;
    ctx.body = {
      followUp: followUpJson(result.followUp, caller),
      lead: leadJson(result.lead, caller, { history: false }),
      ...(result.outcomeStage ? { outcomeStage: result.outcomeStage } : {}),
    };
  });

  router.get('/leads/:ref/follow-ups', async (ctx) => {
    const { caller } = ctx.state;
    const { versions } = parseInput(listSchema, ctx.query);
    const records = await listFollowUps(deps, caller, {
      leadId: ctx.params.ref ?? '',
      ...(versions ? { versions } : {}),
    });
    ctx.body = { followUps: records.map((f) => followUpJson(f, caller)) };
  });

  router.get('/follow-ups/:id', async (ctx) => {
    const { caller } = ctx.state;
    const { followUp, versions } = await getFollowUp(deps, caller, { followUpId: ctx.params.id ?? '' });
    ctx.body = {
      followUp: followUpJson(followUp, caller),
      versions: versions.map((f) => followUpJson(f, caller)),
    };
  });

  router.patch('/follow-ups/:id', async (ctx) => {
    const { caller } = ctx.state;
    const followUp = await correctFollowUp(deps, caller, {
      ...inputOf(ctx.request.body),
      followUpId: ctx.params.id ?? '',
    });
    ctx.body = { followUp: followUpJson(followUp, caller) };
  });
  return router;
}
