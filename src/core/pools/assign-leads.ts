import { z } from 'zod';
import { recordAudit } from '../audit/index.js';
import {
  canManageLead,
  importantRule,
  type Lead,
  leadScope,
  pickAssignee,
  type RosterMember,
  type RoutingCandidate,
  resolveLeadRef,
  scopeHasTeam,
  toCandidate,
} from '../leads/index.js';
import { assertCan, type Caller, can, type Org } from '../org/index.js';
import { DomainError } from '../shared/errors.js';
import type { MemberId, TeamId } from '../shared/ids.js';
import { localDay } from '../shared/local-day.js';
import { parseInput } from '../shared/validate.js';
import { type AssignDeps, handTo, moveEvent } from './assign-lead.js';

const BULK_STRATEGIES = ['round_robin', 'load_balanced', 'weighted', 'by_region', 'by_tag'] as const;
/** The most leads one bulk call moves: each is one conditional write, and the answer lists every one. */
export const BULK_ASSIGN_LIMIT = 500;

const id = z.string().regex(/^[0-9a-f]{24}$/i);
export const bulkAssignSchema = z
  .strictObject({
    codes: z.array(z.string().min(1).max(40)).min(1).max(BULK_ASSIGN_LIMIT).optional(),
    filter: z
      .strictObject({
        team: id,
        pool: z.enum(['public', 'private']).optional(),
        campaign: z.string().trim().min(1).max(100).optional(),
        source: z.string().trim().toLowerCase().max(32).optional(),
      })
      .optional(),
    strategy: z.enum(BULK_STRATEGIES),
    /** Who may receive; default the reps of each lead's team. */
    members: z.array(id).min(1).optional(),
    /** `weighted`: member id → weight (absent: 1). */
    weights: z.record(z.string(), z.number().min(0)).optional(),
    /** `by_region` / `by_tag`: region or tag → member id. */
    map: z.record(z.string(), id).optional(),
    force: z.boolean().optional(),
    dryRun: z.boolean().optional(),
    reason: z.string().max(500).optional(),
  })
  .refine((b) => (b.codes === undefined) !== (b.filter === undefined), {
    message: 'give either codes or a filter',
    params: { problem: { kind: 'one_of', fields: ['codes', 'filter'], exactly: true } },
  });

export type BulkOutcome =
  | { readonly lead: string; readonly to: MemberId }
  | {
      readonly lead: string;
      readonly skipped: 'not_found' | 'forbidden' | 'no_member' | 'moved' | 'duplicate';
    };

export type BulkAssignResult = {
  readonly dryRun: boolean;
  /** Who gets how many (planned in a dry run, done otherwise). */
  readonly perMember: readonly {
    readonly memberId: MemberId;
    readonly name: string;
    readonly count: number;
  }[];
  readonly results: readonly BulkOutcome[];
};

/**
 * Assigns a set of leads (by codes, or by a filter such as a team's pool from one campaign) with a strategy. The
 * plan moves each member's counters on in memory like a batch's routing (caps and capacity respected unless a
 * director or admin forces); then each lead is one conditional write on its version, and a lead that moved
 * meanwhile is reported as `moved`, never overwritten. A dry run answers the plan and writes nothing.
 */
export async function assignLeads(
  deps: AssignDeps,
  caller: Caller,
  input: unknown,
): Promise<BulkAssignResult> {
  assertCan(caller, 'lead.assign');
  const body = parseInput(bulkAssignSchema, input);
  if (body.force && !can(caller, 'lead.read_org'))
    throw new DomainError('FORBIDDEN', { action: 'lead.read_org' });
  const { org } = caller;
  const found = await selectLeads(deps, caller, body);
  const roster = await deps.roster.loadAll(org.id);
  const at = deps.clock.now();
  const day = localDay(at, org.settings.timeZone);
  const scope = leadScope(caller);
  const allowed = (m: RosterMember) =>
    (!body.members || body.members.includes(m.memberId)) && scopeHasTeam(scope, m.teamId);
  const limitless = body.force
    ? { dailyCap: Number.MAX_SAFE_INTEGER, privatePoolCapacity: Number.MAX_SAFE_INTEGER }
    : {};
  const state = new Map<MemberId, RoutingCandidate>(
    roster.filter(allowed).map((m) => {
      const weight = body.weights?.[m.memberId] ?? 1;
      return [m.memberId, { ...toCandidate(org, m, day, () => weight), ...limitless }];
    }),
  );
  const plan = found.map(({ ref, lead, skipped }) =>
    skipped || !lead
      ? { ref, skipped: skipped ?? ('not_found' as const) }
      : { ref, lead, to: pickFor(org, body, lead, roster, state) },
  );
  const results: BulkOutcome[] = [];
  const done = new Map<MemberId, number>();
  for (const p of plan) {
    if ('skipped' in p) results.push({ lead: p.ref, skipped: p.skipped });
    else if (!p.to) results.push({ lead: p.lead.code ?? p.lead.id, skipped: 'no_member' });
    else if (body.dryRun || (await moveOne(deps, caller, body, p.lead, p.to, roster, day, at))) {
      results.push({ lead: p.lead.code ?? p.lead.id, to: p.to.memberId });
      done.set(p.to.memberId, (done.get(p.to.memberId) ?? 0) + 1);
    } else results.push({ lead: p.lead.code ?? p.lead.id, skipped: 'moved' });
  }
  const names = new Map(roster.map((m) => [m.memberId as string, m.name]));
  const perMember = [...done].map(([memberId, count]) => ({
    memberId,
    name: names.get(memberId) ?? '',
    count,
  }));
  if (!body.dryRun && done.size > 0) await recordBulk(deps, caller, body.strategy, results);
  return { dryRun: body.dryRun === true, perMember, results };
}

/** Which leads went to whom, at most BULK_AUDIT_LIST of them listed: one entry for the batch, not one per lead. */
const BULK_AUDIT_LIST = 1000;
async function recordBulk(
  deps: AssignDeps,
  caller: Caller,
  strategy: string,
  results: readonly BulkOutcome[],
) {
  const moved = results.flatMap((r) => ('to' in r ? [{ lead: r.lead, to: r.to as string }] : []));
  await recordAudit(deps, caller, {
    kind: 'lead.bulk_assign',
    target: { type: 'leads', id: `${moved.length}` },
    details: { strategy, count: moved.length, moved: moved.slice(0, BULK_AUDIT_LIST) },
  });
}

type Body = z.infer<typeof bulkAssignSchema>;
type Found = { ref: string; lead?: Lead; skipped?: 'forbidden' | 'duplicate' };

/** The leads asked for, each with what stops it (another team's lead to a manager, a 撞单). */
async function selectLeads(deps: AssignDeps, caller: Caller, body: Body): Promise<Found[]> {
  const org = caller.org.id;
  const leads: { ref: string; lead?: Lead | undefined }[] = body.codes
    ? await Promise.all(
        body.codes.map(async (ref) => ({ ref, lead: await resolveLeadRef(deps.leads, org, ref) })),
      )
    : (
        await deps.leads.list(org, {
          teamId: body.filter!.team as TeamId,
          limit: BULK_ASSIGN_LIMIT,
          ...(body.filter!.pool ? { pool: body.filter!.pool } : {}),
          ...(body.filter!.campaign ? { campaign: body.filter!.campaign } : {}),
          ...(body.filter!.source ? { source: body.filter!.source } : {}),
        })
      ).map((lead) => ({ ref: lead.code ?? lead.id, lead }));
  return leads.map(({ ref, lead }) =>
    !lead
      ? { ref }
      : !canManageLead(caller, lead)
        ? { ref, skipped: 'forbidden' }
        : lead.status === 'duplicate'
          ? { ref, skipped: 'duplicate' }
          : { ref, lead },
  );
}

/** The member this lead goes to under the strategy, moving their counters on in `state`; undefined: nobody. */
function pickFor(
  org: Org,
  body: Body,
  lead: Lead,
  roster: readonly RosterMember[],
  state: Map<MemberId, RoutingCandidate>,
): RosterMember | undefined {
  const mapped =
    body.strategy === 'by_region'
      ? body.map?.[lead.region ?? '']
      : body.strategy === 'by_tag'
        ? lead.tags.map((t) => body.map?.[t]).find(Boolean)
        : undefined;
  if ((body.strategy === 'by_region' || body.strategy === 'by_tag') && !mapped) return undefined;
  const pool = [...state.values()].filter((c) =>
    mapped ? c.memberId === mapped : roster.find((m) => m.memberId === c.memberId)?.teamId === lead.teamId,
  );
  const strategy = rotationOf(body.strategy);
  const pick = pickAssignee(
    strategy,
    pool,
    new Set(),
    new Set(),
    // `force` overrides the seniors-only limit, never the interns' exclusion.
    body.force && importantRule(org, lead.grade) === 'seniors_only'
      ? 'no_interns'
      : importantRule(org, lead.grade),
  );
  if (!pick.ownerId || pick.nextPass === undefined) return undefined;
  const c = state.get(pick.ownerId)!;
  state.set(c.memberId, {
    ...c,
    pass: pick.nextPass,
    assignedToday: c.assignedToday + 1,
    openLeads: c.openLeads + 1,
  });
  return roster.find((m) => m.memberId === pick.ownerId);
}

/** One lead's move: the member's turn (or an unlimited slot when forced), then the conditional write. */
async function moveOne(
  deps: AssignDeps,
  caller: Caller,
  body: Body,
  lead: Lead,
  target: RosterMember,
  roster: readonly RosterMember[],
  day: string,
  at: Date,
): Promise<boolean> {
  const org = caller.org.id;
  const fresh =
    (await deps.roster.load(org, target.teamId)).find((m) => m.memberId === target.memberId) ?? target;
  try {
    await handTo(deps, caller, lead, fresh, {
      candidate: toCandidate(caller.org, fresh, day, undefined),
      day,
      forced: body.force === true,
      event: moveEvent(caller, lead, at, body.reason),
      strategy: rotationOf(body.strategy),
      teamSize: roster.filter((m) => m.teamId === target.teamId).length,
    });
    return true;
  } catch (error) {
    if (error instanceof DomainError && error.code === 'CONFLICT') return false;
    throw error;
  }
}

/** The rotation a bulk strategy picks by: `by_region` and `by_tag` pick by their map, then rotate like round robin. */
function rotationOf(strategy: string): 'load_balanced' | 'weighted' | 'round_robin' {
  return strategy === 'load_balanced' || strategy === 'weighted' ? strategy : 'round_robin';
}
