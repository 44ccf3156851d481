import type { Caller, Org } from '../org/index.js';
import { assertCan } from '../org/index.js';
import type { Clock } from '../shared/clock.js';
import type { LeadId } from '../shared/ids.js';
import type { Notifier } from '../shared/notices.js';
import { parseInput } from '../shared/validate.js';
import { duplicateLead, leadDraft, routedLead } from './build-lead.js';
import { dedupeKeys, sharedKeys } from './dedupe-keys.js';
import { replayOf, sameRequestOrRefuse, singleRequestKey } from './idempotency.js';
import { type LeadInput, leadInputSchema } from './lead-input.js';
import { leadNotices } from './lead-notices.js';
import type { DedupeKeys, Lead } from './lead-types.js';
import { importantRule } from './pick-assignee.js';
import type { LeadRepository, NewLead } from './ports.js';
import { requestFingerprint } from './request-fingerprint.js';
import { type RouteDecision, type RouteDeps, routeLead, unroutedAssignment } from './route-lead.js';
import { matchRule } from './routing-config.js';
import type { Strategy } from './routing-types.js';
import { DEFAULT_SCORING, scoreLead } from './score-lead.js';

export type IntakeDeps = RouteDeps & {
  readonly leads: LeadRepository;
  readonly notifier: Notifier;
  readonly clock: Clock;
};

export type IntakeOptions = {
  /**
   * The idempotency key as stored, its kind's prefix included (see idempotency.ts): the same key with the same lead
   * returns the first result and creates nothing new; with another lead it is refused (IDEMPOTENCY_KEY_REUSED).
   */
  readonly idempotencyKey?: string;
  /** A batch's choice of strategy inside the matched team, instead of the rule's. */
  readonly strategy?: Strategy;
  /** The id to store the lead under (a batch redoing one of its leads keeps the id its duplicates point to). */
  readonly id?: LeadId;
};

/**
 * `created: false` when the request replays an earlier one (same Idempotency-Key, or source + externalId, and the
 * same validated lead).
 */
export type IntakeResult = { readonly lead: Lead; readonly created: boolean };

/**
 * Takes one lead in: validate, look for a replay or an original (one query), score, route, store, notify. On the
 * common path that is five database commands: look-up, roster read, turn, insert, outbox.
 *
 * The unique indexes on the dedupe keys and idempotency keys decide the races the look-up cannot see (the same
 * person posted twice at one instant): the loser's turn is given back and it becomes the replay or the duplicate.
 */
export async function intakeLead(
  deps: IntakeDeps,
  caller: Caller,
  { lead: raw, ...options }: { readonly lead: unknown } & IntakeOptions,
): Promise<IntakeResult> {
  assertCan(caller, 'lead.create');
  const input = parseInput(leadInputSchema, raw);
  if (input.reclaimAfterHours !== undefined) assertCan(caller, 'lead.set_deadline');
  const { idempotencyKey: key, ...rest } = options;
  // A single request's key lives in its own space: a batch item can never answer for it.
  return intakeParsedLead(deps, caller.org, input, {
    ...rest,
    ...(key !== undefined ? { idempotencyKey: singleRequestKey(key) } : {}),
  });
}

export async function intakeParsedLead(
  deps: IntakeDeps,
  org: Org,
  input: LeadInput,
  options: IntakeOptions,
): Promise<IntakeResult> {
  const keys = dedupeKeys(input);
  const replayKey = replayOf(input, options);
  const fingerprint = requestFingerprint(input);
  const replayed = (earlier: Lead): IntakeResult => ({
    lead: sameRequestOrRefuse(earlier, fingerprint, replayKey),
    created: false,
  });
  const existing = await deps.leads.findExisting(org.id, keys, replayKey);
  if (existing.replay) return replayed(existing.replay);

  const now = deps.clock.now();
  const draft = leadDraft(
    org,
    options.id ?? deps.leads.newId(),
    input,
    scoreLead(input, org.settings.scoring ?? DEFAULT_SCORING),
    now,
    { idempotencyKey: options.idempotencyKey, fingerprint },
  );
  if (existing.original) return storeDuplicate(deps, draft, keys, existing.original, replayed);

  const decision = await decide(deps, org, draft, options.strategy, now);
  const stored = await deps.leads.insert(
    routedLead(org, draft, keys, decision.assignment, decision.ownerName),
  );
  if ('lead' in stored) {
    await deps.notifier.publish(org.id, leadNotices(stored.lead));
    return { lead: stored.lead, created: true };
  }
  // Lost a race at the unique index: give the turn back, then answer as the winner's replay or as its duplicate.
  if (decision.turn) await deps.roster.undoTurn(org.id, decision.turn);
  const now2 = await deps.leads.findExisting(org.id, keys, replayKey);
  if (now2.replay) return replayed(now2.replay);
  if (now2.original) return storeDuplicate(deps, draft, keys, now2.original, replayed);
  throw new Error(`lead insert refused (${stored.conflict}) but no conflicting lead was found`);
}

async function decide(
  deps: IntakeDeps,
  org: Org,
  draft: Pick<NewLead, 'region' | 'productLine' | 'source' | 'score' | 'tags' | 'grade'>,
  strategy: Strategy | undefined,
  now: Date,
): Promise<RouteDecision> {
  const routing = org.settings.routing;
  if (!routing) return { assignment: unroutedAssignment(now) };
  const rule = matchRule(routing, draft);
  return routeLead(
    deps,
    org,
    rule,
    strategy ?? rule.strategy,
    now,
    new Set(),
    importantRule(org, draft.grade),
  );
}

async function storeDuplicate(
  deps: IntakeDeps,
  draft: Omit<NewLead, 'status' | 'history'>,
  keys: DedupeKeys,
  original: Lead,
  replayed: (earlier: Lead) => IntakeResult,
): Promise<IntakeResult> {
  const stored = await deps.leads.insert(
    duplicateLead(draft, original, sharedKeys(keys, original.keys ?? {})),
  );
  if (!('lead' in stored)) {
    // Only a replay can refuse a duplicate (it holds no dedupe keys): the same request won meanwhile.
    const again = await deps.leads.findExisting(draft.orgId, {}, replayOf(draft, draft));
    if (again.replay) return replayed(again.replay);
    throw new Error('duplicate lead insert refused but no replay was found');
  }
  await deps.notifier.publish(draft.orgId, leadNotices(stored.lead));
  return { lead: stored.lead, created: true };
}
