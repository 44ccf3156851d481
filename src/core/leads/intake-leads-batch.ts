import type { Caller, Org } from '../org/index.js';
import { assertCan } from '../org/index.js';
import { DomainError, type FieldIssue, isDomainError, validationFailed } from '../shared/errors.js';
import type { LeadId } from '../shared/ids.js';
import type { Notice } from '../shared/notices.js';
import { fieldIssues } from '../shared/validate.js';
import { BatchIndex } from './batch-plan.js';
import { batchRouter } from './batch-router.js';
import { duplicateLead, leadDraft, routedLead } from './build-lead.js';
import { dedupeKeys, sharedKeys } from './dedupe-keys.js';
import { batchItemKey, type ReplayKey, replayOf, sameRequestOrRefuse } from './idempotency.js';
import { type IntakeDeps, type IntakeResult, intakeParsedLead } from './intake-lead.js';
import { type LeadInput, leadInputSchema } from './lead-input.js';
import { leadNotices } from './lead-notices.js';
import type { Lead } from './lead-types.js';
import type { NewLead, TakeTurn } from './ports.js';
import { requestFingerprint } from './request-fingerprint.js';
import type { Strategy } from './routing-types.js';
import { DEFAULT_SCORING, scoreLead } from './score-lead.js';

export const MAX_BATCH = 1_000;

/** One lead of a batch and its client key (stored as `batch:` + the key: batch items have their own key space). */
export type BatchItem = { readonly input: LeadInput; readonly idempotencyKey?: string };
/** What became of one item: stored or replayed, or refused on its own while the rest of the batch goes on. */
export type ItemOutcome = IntakeResult | { readonly refused: DomainError };
export type BatchResult =
  | ({ readonly ok: true } & IntakeResult)
  | { readonly ok: false; readonly issues: FieldIssue[] }
  | { readonly ok: false; readonly refused: DomainError };

export type BatchInput = {
  readonly leads: readonly unknown[];
  readonly idempotencyKey?: string;
  readonly idempotencyKeys?: readonly string[];
  readonly strategy?: Strategy;
};

/**
 * `POST /leads:batch`: up to 1,000 leads, each validated on its own; results in the same order. Two items given the
 * same key are both refused (400, naming each other's positions): one key means one request, and storing either
 * would silently answer the other with a lead it did not send.
 */
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
  // One key for the request, one per item: replaying the batch replays every item.
  const keys = raw.map(
    (_, at) =>
      options.idempotencyKeys?.[at] ??
      (options.idempotencyKey === undefined ? undefined : `${options.idempotencyKey}#${at}`),
  );
  const shared = sharedKeyIssues(keys);
  const results: BatchResult[] = parsed.map((p, at) => ({
    ok: false,
    issues: [...(p.success ? [] : fieldIssues(p.error)), ...(shared.get(at) ?? [])],
  }));
  const valid: { at: number; item: BatchItem }[] = [];
  parsed.forEach((p, at) => {
    if (!p.success || shared.has(at)) return;
    const key = keys[at];
    valid.push({ at, item: { input: p.data, ...(key !== undefined ? { idempotencyKey: key } : {}) } });
  });
  const stored = await intakeBatchItems(
    deps,
    org,
    valid.map((v) => v.item),
    options.strategy,
  );
  valid.forEach((v, i) => {
    const outcome = stored[i]!;
    results[v.at] = 'refused' in outcome ? { ok: false, refused: outcome.refused } : { ok: true, ...outcome };
  });
  return results;
}

/** The items sharing a key with another item of the batch, each with an issue naming all their positions. */
function sharedKeyIssues(keys: readonly (string | undefined)[]): Map<number, FieldIssue[]> {
  const byKey = new Map<string, number[]>();
  keys.forEach((key, at) => {
    if (key !== undefined) byKey.set(key, [...(byKey.get(key) ?? []), at]);
  });
  const issues = new Map<number, FieldIssue[]>();
  for (const positions of byKey.values()) {
    if (positions.length < 2) continue;
    const message = `the same key as leads ${positions.join(', ')} of this batch; give each lead its own key`;
    for (const at of positions) issues.set(at, [{ field: `idempotencyKeys[${at}]`, message }]);
  }
  return issues;
}

/**
 * The batch as the server-side import uses it: every item stored or replayed, or the first refusal thrown. Import
 * rows are keyed by their content, so a refusal here means a row whose externalId was imported with other content.
 */
export async function intakeParsedBatch(
  deps: IntakeDeps,
  org: Org,
  items: readonly BatchItem[],
  strategy?: Strategy,
): Promise<IntakeResult[]> {
  const outcomes = await intakeBatchItems(deps, org, items, strategy);
  return outcomes.map((o) => {
    if ('refused' in o) throw o.refused;
    return o;
  });
}

type Planned = { readonly index: number; readonly lead: NewLead & { id: LeadId }; readonly item: BatchItem };
type Pending = ItemOutcome | LeadId | undefined;

/**
 * Many leads in a few commands, whatever their number: one look-up for replays and originals, one roster read,
 * one bulk write of turns (each member's turns folded into one conditional write), one insert and one outbox
 * write. Anything the bulk path loses to a concurrent intake (a member's pass moved, a customer stored meanwhile)
 * is redone through the single-lead path, so the outcome is what one-by-one intake would have given.
 */
export async function intakeBatchItems(
  deps: IntakeDeps,
  org: Org,
  given: readonly BatchItem[],
  strategy?: Strategy,
): Promise<ItemOutcome[]> {
  if (given.length === 0) return [];
  const items = given.map(storedKeyOf);
  const replays = items.map((item) => replayOf(item.input, item));
  const prints = items.map((item) => requestFingerprint(item.input));
  const keys = items.map((it) => dedupeKeys(it.input));
  const index = new BatchIndex(await deps.leads.findExistingMany(org.id, keys, replays));
  const now = deps.clock.now();
  // Scored once per item: the router needs the score for rules, the lead stores it.
  const scores = items.map((item) => scoreLead(item.input, org.settings.scoring ?? DEFAULT_SCORING));
  const router = await batchRouter(deps, org, items, scores, strategy, now);
  const results: Pending[] = new Array(items.length);
  const planned: Planned[] = [];
  const plannedById = new Map<LeadId, NewLead & { id: LeadId }>();

  items.forEach((item, i) => {
    const replay = index.replayOf(replays[i]!);
    if (replay !== undefined) {
      const earlier = typeof replay === 'string' ? plannedById.get(replay)! : replay;
      const outcome = sameRequest(earlier, prints[i]!, replays[i]!);
      results[i] = 'refused' in outcome || typeof replay !== 'string' ? outcome : replay;
      return;
    }
    const scored = scores[i]!;
    const request = { idempotencyKey: item.idempotencyKey, fingerprint: prints[i]! };
    const draft = leadDraft(org, deps.leads.newId(), item.input, scored, now, request);
    const id = draft.id!;
    const original = index.originalOf(keys[i]!);
    const remember = (lead: NewLead & { id: LeadId }) => {
      planned.push({ index: i, item, lead });
      plannedById.set(id, lead);
    };
    if (original) {
      remember({ ...duplicateLead(draft, original, sharedKeys(keys[i]!, original.keys ?? {})), id });
      index.plan(id, replays[i]!);
      return;
    }
    const { assignment, ownerName } = router.route(i);
    const lead = { ...routedLead(org, draft, keys[i]!, assignment, ownerName), id };
    remember(lead);
    index.plan(id, replays[i]!, { id, keys: keys[i]!, ...opt(lead) });
  });
  await storePlanned(deps, org, router.turns.list(), planned, results, strategy);
  return resolveReplays(results, new Map(planned.map((p) => [p.lead.id, p.index])));
}

/** Takes the turns, inserts what kept its turn in one command, and redoes the rest one by one. */
async function storePlanned(
  deps: IntakeDeps,
  org: Org,
  turns: readonly TakeTurn[],
  planned: readonly Planned[],
  results: Pending[],
  strategy: Strategy | undefined,
): Promise<void> {
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
  for (const p of redo) results[p.index] = await redoAlone(deps, org, p, strategy);
}

/** One item the bulk path lost, through the single-lead path (its key already prefixed); a refusal is its own. */
async function redoAlone(
  deps: IntakeDeps,
  org: Org,
  p: Planned,
  strategy: Strategy | undefined,
): Promise<ItemOutcome> {
  try {
    return await intakeParsedLead(deps, org, p.item.input, {
      ...(p.item.idempotencyKey !== undefined ? { idempotencyKey: p.item.idempotencyKey } : {}),
      ...(strategy ? { strategy } : {}),
      id: p.lead.id,
    });
  } catch (error) {
    if (isDomainError(error) && error.code === 'IDEMPOTENCY_KEY_REUSED') return { refused: error };
    throw error;
  }
}

/** A replay of a stored or planned lead: the same request answers with it, another body is refused. */
function sameRequest(
  earlier: Lead | (NewLead & { id: LeadId }),
  fingerprint: string,
  replay: ReplayKey,
): ItemOutcome {
  try {
    sameRequestOrRefuse(earlier, fingerprint, replay);
    return { lead: earlier as Lead, created: false };
  } catch (error) {
    if (isDomainError(error)) return { refused: error };
    throw error;
  }
}

/**
 * Items that replayed an earlier item of the same batch answer as that item did: with its lead (even when the redo
 * path stored or found it under another id), or with its refusal.
 */
function resolveReplays(results: readonly Pending[], plannedAt: ReadonlyMap<LeadId, number>): ItemOutcome[] {
  return results.map((r) => {
    if (r === undefined) throw new Error('batch item without a result');
    if (typeof r !== 'string') return r;
    const earlier = results[plannedAt.get(r) ?? -1];
    if (earlier === undefined || typeof earlier === 'string')
      throw new Error(`batch replay of ${r} found no lead`);
    return 'refused' in earlier ? earlier : { lead: earlier.lead, created: false };
  });
}

const storedKeyOf = (item: BatchItem): BatchItem =>
  item.idempotencyKey === undefined ? item : { ...item, idempotencyKey: batchItemKey(item.idempotencyKey) };

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
