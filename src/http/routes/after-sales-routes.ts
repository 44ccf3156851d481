import Router from '@koa/router';
import { z } from 'zod';
import {
  type AfterSalesDeps,
  type AfterSalesFigures,
  assignComplaint,
  type Complaint,
  changeComplaintStatus,
  decideHours,
  getAfterSalesFigures,
  getComplaint,
  listAssignees,
  listComplaints,
  listTasks,
  pauseTask,
  raiseComplaint,
  reportHours,
  resumeTask,
  startTask,
} from '../../core/after-sales/index.js';
import { memberId } from '../../core/shared/ids.js';
import { parseInput } from '../../core/shared/validate.js';
import type { ApiState } from '../middleware/api-auth.js';

export type AfterSalesRouteDeps = AfterSalesDeps & { readonly figures: AfterSalesFigures };

const idempotencyKey = z.string().trim().min(1).max(200).optional();
const body = (ctx: { request: { body?: unknown } }) => (ctx.request.body ?? {}) as Record<string, unknown>;
const limit = (value: unknown) => (typeof value === 'string' && value ? Number(value) : undefined);

/** What API clients see of a complaint: all of it but the request key (an idempotency detail). */
const complaintJson = ({ requestKey: _key, ...c }: Complaint) => c;

/**
 * After-sales under /api/v1 (behind apiAuth): complaints from a web form or portal, the centre's list and
 * assignment, tasks and their hours, the manager's decision and the figures. Every rule is core's; these only
 * translate (`:assign`, `:decide` are custom methods, escaped so the router does not read them as parameters).
 */
export function afterSalesRoutes(deps: AfterSalesRouteDeps): Router<ApiState> {
  const router = new Router<ApiState>();

  router.post('/complaints', async (ctx) => {
    const key = parseInput(idempotencyKey, ctx.get('idempotency-key') || undefined);
    const { complaint, created } = await raiseComplaint(deps, ctx.state.caller, {
      ...(body(ctx) as Parameters<typeof raiseComplaint>[2]),
      ...(key ? { requestKey: key } : {}),
    });
    ctx.status = created ? 201 : 200;
    ctx.body = { complaint: complaintJson(complaint) };
  });

  router.get('/complaints', async (ctx) => {
    const { status, customer, limit: n } = ctx.query;
    const complaints = await listComplaints(deps, ctx.state.caller, {
      ...(typeof status === 'string' ? { status: status as Complaint['status'] } : {}),
      ...(typeof customer === 'string' ? { customerId: customer } : {}),
      ...(limit(n) !== undefined ? { limit: limit(n) as number } : {}),
    });
    ctx.body = { complaints: complaints.map(complaintJson) };
  });

  router.get('/complaints/assignees', async (ctx) => {
    ctx.body = { assignees: await listAssignees(deps, ctx.state.caller) };
  });

  // After `/complaints/assignees`, which would otherwise be read as a complaint's code.
  router.get('/complaints/:ref', async (ctx) => {
    const { complaint, tasks } = await getComplaint(deps, ctx.state.caller, {
      complaint: ctx.params.ref ?? '',
    });
    ctx.body = { complaint: { ...complaintJson(complaint), tasks } };
  });

  router.post('/complaints/:ref\\:assign', async (ctx) => {
    const { assigneeId } = parseInput(
      z.strictObject({ assigneeId: z.string().trim().min(1).max(100) }),
      body(ctx),
    );
    const result = await assignComplaint(deps, ctx.state.caller, {
      complaint: ctx.params.ref ?? '',
      assigneeId: memberId(assigneeId),
    });
    ctx.body = { complaint: complaintJson(result.complaint), task: result.task };
  });

  // 已关闭 / 重新打开: `{ note? }` as typed.
  for (const [verb, to] of [
    ['close', 'closed'],
    ['reopen', 'reopened'],
  ] as const)
    router.post(`/complaints/:ref\\:${verb}`, async (ctx) => {
      const note = body(ctx).note;
      const complaint = await changeComplaintStatus(deps, ctx.state.caller, {
        complaint: ctx.params.ref ?? '',
        to,
        ...(typeof note === 'string' ? { note } : {}),
      });
      ctx.body = { complaint: complaintJson(complaint) };
    });

  router.get('/tasks', async (ctx) => {
    const { assignee, status, limit: n } = ctx.query;
    const lines = await listTasks(deps, ctx.state.caller, {
      ...(typeof assignee === 'string' ? { assigneeId: assignee } : {}),
      ...(typeof status === 'string' ? { status: status as never } : {}),
      ...(limit(n) !== undefined ? { limit: limit(n) as number } : {}),
    });
    ctx.body = { tasks: lines.map((l) => ({ ...l.task, late: l.late })) };
  });

  router.post('/tasks/:ref\\:start', async (ctx) => {
    ctx.body = { task: await startTask(deps, ctx.state.caller, { task: ctx.params.ref ?? '' }) };
  });
  router.post('/tasks/:ref\\:pause', async (ctx) => {
    const reason = String(body(ctx).reason ?? '');
    ctx.body = { task: await pauseTask(deps, ctx.state.caller, { task: ctx.params.ref ?? '', reason }) };
  });
  router.post('/tasks/:ref\\:resume', async (ctx) => {
    ctx.body = { task: await resumeTask(deps, ctx.state.caller, { task: ctx.params.ref ?? '' }) };
  });

  router.post('/tasks/:ref/hours', async (ctx) => {
    const task = await reportHours(deps, ctx.state.caller, {
      ...(body(ctx) as Omit<Parameters<typeof reportHours>[2], 'task'>),
      task: ctx.params.ref ?? '',
    });
    ctx.body = { task };
  });

  router.post('/tasks/:ref\\:decide', async (ctx) => {
    const task = await decideHours(deps, ctx.state.caller, {
      ...(body(ctx) as Parameters<typeof decideHours>[2]),
      task: ctx.params.ref ?? '',
    });
    ctx.body = { task };
  });

  router.get('/after-sales/figures', async (ctx) => {
    const figures = await getAfterSalesFigures(deps, ctx.state.caller, {
      from: ctx.query.from,
      to: ctx.query.to,
    });
    ctx.body = { figures };
  });

  return router;
}
