import type { Caller, Org } from '../org/index.js';
import { assertCan } from '../org/index.js';
import { DomainError, type FieldIssue, validationFailed } from '../shared/errors.js';
import type { LeadId } from '../shared/ids.js';
import { localDay } from '../shared/local-day.js';
import type { Notice } from '../shared/notices.js';
import { fieldIssues } from '../shared/validate.js';
import { BatchIndex, BatchTurns } from './batch-plan.js';
import { buildAssignment } from './build-assignment.js';
import { duplicateLead, leadDraft, routedLead } from './build-lead.js';
import { dedupeKeys, sharedKeys } from './dedupe-keys.js';
import { type IntakeDeps, type IntakeResult, intakeParsedLead } from './intake-lead.js';
import { type LeadInput, leadInputSchema } from './lead-input.js';
import { leadNotices } from './lead-notices.js';
import type { Assignment, Lead } from './lead-types.js';
import { pickAssignee } from './pick-assignee.js';
import type { NewLead } from './ports.js';
import { toCandidate, unroutedAssignment, weightsFor } from './route-lead.js';
import { matchRule } from './routing-config.js';
import type { RoutingCandidate, Strategy } from './routing-types.js';
import { DEFAULT_SCORING, type LeadScore, scoreLead } from './score-lead.js';

export const MAX_BATCH = 1_000;

export type BatchItem = { readonly input: LeadInput; readonly idempotencyKey?: string };
export type BatchResult =
  | ({ readonly ok: true } & IntakeResult)
  | { readonly ok: false; readonly issues: FieldIssue[] };

export type BatchInput = {
  readonly leads: readonly unknown[];
  readonly idempotencyKey?: string;
  readonly idempotencyKeys?: readonly string[];
  readonly strategy?: Strategy;
};

/** `POST /leads:batch`: up to 1,000 leads, each validated on its own; results in the same order. */
export async function intakeLeadsBatch(
  deps: IntakeDeps,
  caller: Caller,
  { leads: raw, ...options }: BatchInput,
): Promise<BatchResult[]> {
  assertCan(caller, 'lead.create');
  const { org } = caller;
  if (raw.length > MAX_BATCH) throw new DomainError('BATCH_TOO_LARGE', { max: MAX_BATCH, got: raw.length });
  if (options.idempotencyKeys && options.idempotencyKeys.length !== raw.length) {
    throw validationFailed([{ field: 'idempotencyKeys', message: `give one key per lead (${raw.length})` }]);
  }
  const parsed = raw.map((item) => leadInputSchema.safeParse(item));
  if (parsed.some((p) => p.success && p.data.reclaimAfterHours !== undefined))
    assertCan(caller, 'lead.set_deadline');
  const valid: { at: number; item: BatchItem }[] = [];
  parsed.forEach((p, at) => {
    if (!p.success) return;
    // One key for the request, one per item: replaying the batch replays every item.
    const key =
      options.idempotencyKeys?.[at] ??
      (options.idempotencyKey === undefined ? undefined : `${options.idempotencyKey}#${at}`);
    valid.push({ at, item: { input: p.data, ...(key !== undefined ? { idempotencyKey: key } : {}) } });
  });
  const stored = await intakeParsedBatch(
    deps,
    org,
    valid.map((v) => v.item),
    options.strategy,
  );
  const results: BatchResult[] = parsed.map((p) => ({
    ok: false,
    issues: p.success ? [] : fieldIssues(p.error),
  }));
  valid.forEach((v, i) => {
    results[v.at] = { ok: true, ...stored[i]! };
  });
  return results;
}

type Planned = { readonly index: number; readonly lead: NewLead & { id: LeadId }; readonly item: BatchItem };

/**
 * Many leads in a few commands, whatever their number: one look-up for replays and originals, one roster read,
 * one bulk write of turns (each member's turns folded into one conditional write), one insert and one outbox
 * write. Anything the bulk path loses to a concurrent intake (a member's pass moved, a customer stored meanwhile)
 * is redone through the single-lead path, so the outcome is what one-by-one intake would have given.
 */
export async function intakeParsedBatch(
  deps: IntakeDeps,
  org: Org,
  items: readonly BatchItem[],
  strategy?: Strategy,
): Promise<IntakeResult[]> {
  if (items.length === 0) return [];
  const replays = items.map(replayOf);
  const keys = items.map((it) => dedupeKeys(it.input));
  const index = new BatchIndex(await deps.leads.findExistingMany(org.id, keys, replays));
  const now = deps.clock.now();
  // Scored once per item: the router needs the score for rules, the lead stores it.
  const scores = items.map((item) => scoreLead(item.input, org.settings.scoring ?? DEFAULT_SCORING));
  const router = await batchRouter(deps, org, items, scores, strategy, now);
  const results: (IntakeResult | LeadId | undefined)[] = new Array(items.length);
  const planned: Planned[] = [];

  items.forEach((item, i) => {
    const replay = index.replayOf(replays[i]!);
    if (replay !== undefined) {
      results[i] = typeof replay === 'string' ? replay : { lead: replay, created: false };
      return;
    }
    const scored = scores[i]!;
    const draft = leadDraft(org, deps.leads.newId(), item.input, scored, now, item.idempotencyKey);
    const id = draft.id!;
    const original = index.originalOf(keys[i]!);
    if (original) {
      const lead = duplicateLead(draft, original, sharedKeys(keys[i]!, original.keys ?? {}));
      planned.push({ index: i, item, lead: { ...lead, id } });
      index.plan(id, replays[i]!);
      return;
    }
    const { assignment, ownerName } = router.route(i);
    const lead = { ...routedLead(org, draft, keys[i]!, assignment, ownerName), id };
    planned.push({ index: i, item, lead });
    index.plan(id, replays[i]!, { id, keys: keys[i]!, ...opt(lead) });
  });

  const turns = router.turns.list();
  const taken = await deps.roster.takeTurns(org.id, turns);
  const lostMembers = new Set(turns.filter((_, i) => !taken[i]).map((t) => t.memberId));
  const [bulk, redo] = partition(planned, (p) => !(p.lead.ownerId && lostMembers.has(p.lead.ownerId)));

  const inserted = await deps.leads.insertMany(bulk.map((p) => p.lead));
  const notices: Notice[] = [];
  for (const [k, outcome] of inserted.entries()) {
    const p = bulk[k]!;
    if ('lead' in outcome) {
      results[p.index] = { lead: outcome.lead, created: true };
      notices.push(...leadNotices(outcome.lead));
    } else {
      // Its turn was counted; give that one lead's share back before redoing it alone.
      const turn = turns.find((t) => t.memberId === p.lead.ownerId);
      if (turn) await deps.roster.undoTurn(org.id, { ...turn, nextPass: Number.NaN, count: 1 });
      redo.push(p);
    }
  }
  await deps.notifier.publish(org.id, notices);
  for (const p of redo) {
    results[p.index] = await intakeParsedLead(deps, org, p.item.input, {
      ...(p.item.idempotencyKey !== undefined ? { idempotencyKey: p.item.idempotencyKey } : {}),
      ...(strategy ? { strategy } : {}),
      id: p.lead.id,
    });
  }
  return resolveReplays(deps, org, results);
}

/** Items that replayed an earlier item of the same batch answer with that item's lead. */
async function resolveReplays(
  deps: IntakeDeps,
  org: Org,
  results: readonly (IntakeResult | LeadId | undefined)[],
): Promise<IntakeResult[]> {
  const byId = new Map<string, Lead>();
  for (const r of results) if (r && typeof r !== 'string') byId.set(r.lead.id, r.lead);
  const out: IntakeResult[] = [];
  for (const r of results) {
    if (r === undefined) throw new Error('batch item without a result');
    if (typeof r !== 'string') {
      out.push(r);
      continue;
    }
    const lead = byId.get(r) ?? (await deps.leads.get(org.id, r));
    if (!lead) throw new Error(`batch replay of ${r} found no lead`);
    out.push({ lead, created: false });
  }
  return out;
}

/** Routing for a whole batch over one roster read, with each member's state moved on in memory as leads go out. */
async function batchRouter(
  deps: IntakeDeps,
  org: Org,
  items: readonly BatchItem[],
  scores: readonly LeadScore[],
  strategy: Strategy | undefined,
  now: Date,
) {
  const routing = org.settings.routing;
  const day = localDay(now, org.settings.timeZone);
  const roster = routing && items.length > 0 ? await deps.roster.loadAll(org.id) : [];
  const names = new Map(roster.map((m) => [m.memberId as string, m.name]));
  const dayOf = new Map(roster.map((m) => [m.memberId as string, m.day]));
  const turns = new BatchTurns();
  // One candidate list per rule and strategy (weights differ by rule); weighted rules read their weights up front,
  // so planning itself stays synchronous.
  const prepared = new Map<string, RoutingCandidate[]>();
  // Each item's rule, matched once.
  const rules = routing
    ? items.map((item, i) => matchRule(routing, { ...item.input, score: scores[i]!.score }))
    : [];
  for (const rule of rules) {
    const s = strategy ?? rule.strategy;
    if (prepared.has(`${rule.id}:${s}`)) continue;
    const weights = s === 'weighted' ? await weightsFor(deps, org, rule, now) : undefined;
    const team = roster.filter((m) => m.teamId === rule.teamId);
    prepared.set(
      `${rule.id}:${s}`,
      team.map((m) => toCandidate(org, m, day, weights)),
    );
  }

  return {
    turns,
    route(item: number): { assignment: Assignment; ownerName?: string } {
      const rule = rules[item];
      if (!rule) return { assignment: unroutedAssignment(now) };
      const s = strategy ?? rule.strategy;
      if (s === 'pool') return { assignment: buildAssignment(rule, s, now, { teamSize: 0, skipped: [] }) };
      const candidates = prepared.get(`${rule.id}:${s}`) ?? [];
      const pick = pickAssignee(s, candidates);
      const outcome = { teamSize: candidates.length, skipped: pick.skipped };
      if (!pick.ownerId || pick.nextPass === undefined) {
        return { assignment: buildAssignment(rule, s, now, outcome) };
      }
      const c = candidates.find((x) => x.memberId === pick.ownerId)!;
      turns.add(c, pick.nextPass, day, dayOf.get(c.memberId) !== day);
      // Every list holding this member (the same team under another rule) sees the change too.
      const moved = { pass: pick.nextPass, assignedToday: c.assignedToday + 1, openLeads: c.openLeads + 1 };
      for (const list of prepared.values()) {
        const j = list.findIndex((x) => x.memberId === c.memberId);
        if (j >= 0) list[j] = { ...list[j]!, ...moved };
      }
      return {
        ownerName: names.get(c.memberId) ?? '',
        assignment: buildAssignment(rule, s, now, { ...outcome, pick }),
      };
    },
  };
}

function replayOf(item: BatchItem) {
  return {
    source: item.input.source,
    ...(item.idempotencyKey !== undefined ? { idempotencyKey: item.idempotencyKey } : {}),
    ...(item.input.externalId !== undefined ? { externalId: item.input.externalId } : {}),
  };
}

const opt = (lead: NewLead) => ({
  ...(lead.ownerId ? { ownerId: lead.ownerId } : {}),
  ...(lead.teamId ? { teamId: lead.teamId } : {}),
});

function partition<T>(list: readonly T[], keep: (t: T) => boolean): [T[], T[]] {
  const yes: T[] = [];
  const no: T[] = [];
  for (const t of list) (keep(t) ? yes : no).push(t);
  return [yes, no];
}
