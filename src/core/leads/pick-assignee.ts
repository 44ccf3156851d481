import type { Org } from '../org/index.js';
import type { MemberId } from '../shared/ids.js';
import type { Grade } from './lead-types.js';
import type { ImportantRule, PickResult, RoutingCandidate, SkipReason, Strategy } from './routing-types.js';

/** Why this candidate cannot take a lead now, or undefined when they can. Order: the most lasting reason first. */
export function skipReason(c: RoutingCandidate, strategy: Strategy): SkipReason | undefined {
  if (!c.active) return 'inactive';
  if (c.onLeave) return 'on_leave';
  if (!c.isRep) return 'not_a_rep';
  if (c.assignedToday >= c.dailyCap) return 'at_daily_cap';
  if (c.openLeads >= c.privatePoolCapacity) return 'private_pool_full';
  if (strategy === 'weighted' && c.weight <= 0) return 'zero_weight';
  return undefined;
}

/**
 * Picks the owner of one lead by stride scheduling, a fair rotation that needs no shared counter: every member
 * carries a `pass`; the eligible member who would finish their next turn first (pass + stride) goes, ties in
 * rotation order. `round_robin` gives everyone stride 1, so turns simply go round; `weighted` gives stride 1/weight,
 * so a member of weight 2 gets twice the turns, spread out rather than in blocks; `load_balanced` takes the fewest
 * open leads first and uses the rotation only to break ties.
 *
 * A member back from leave (or new) has a low pass; it is lifted to the lowest pass of those taking turns
 * (`floor`), so they go next once (ties go to whoever waited longest) and then rejoin the rotation, instead of
 * taking a burst of leads to "catch up".
 *
 * `exclude`: members a concurrent intake just took (their conditional write failed), tried no more this time.
 * `barred`: members who may not have this lead (the rep it was just reclaimed from).
 * `important`: the lead's importance rule (importantRule): interns are skipped as `intern` for any important lead,
 * juniors as `not_senior` when the org keeps important leads to seniors.
 */
export function pickAssignee(
  strategy: Strategy,
  candidates: readonly RoutingCandidate[],
  exclude: ReadonlySet<MemberId> = new Set(),
  barred: ReadonlySet<MemberId> = new Set(),
  important: ImportantRule = 'open',
): PickResult {
  if (strategy === 'pool') return { skipped: [] };
  const skipped: { memberId: MemberId; why: SkipReason }[] = [];
  const eligible: RoutingCandidate[] = [];
  for (const c of candidates) {
    const why = barred.has(c.memberId)
      ? 'previous_owner'
      : exclude.has(c.memberId)
        ? 'busy'
        : (skipReason(c, strategy) ?? importanceSkip(c, important));
    if (why) skipped.push({ memberId: c.memberId, why });
    else eligible.push(c);
  }
  if (eligible.length === 0) return { skipped };
  const stride = (c: RoutingCandidate) => (strategy === 'weighted' ? 1 / c.weight : 1);
  // Members taking turns keep their passes within a stride or two of each other. One further behind was away
  // (on leave, at cap, new): it rejoins at the pack's lowest pass instead of collecting the turns it missed.
  const widest = Math.max(...eligible.map(stride));
  const top = Math.max(...eligible.map((c) => c.pass));
  const pack = eligible.filter((c) => c.pass >= top - 2 * widest);
  const floor = Math.min(...pack.map((c) => c.pass));
  const finish = (c: RoutingCandidate) => Math.max(c.pass, floor) + stride(c);
  const order = (a: RoutingCandidate, b: RoutingCandidate) =>
    (strategy === 'load_balanced' ? a.openLeads - b.openLeads : 0) ||
    finish(a) - finish(b) ||
    // On a tie, whoever has waited longest, then rotation order.
    a.pass - b.pass ||
    candidates.indexOf(a) - candidates.indexOf(b);
  const owner = eligible.reduce((best, c) => (order(c, best) < 0 ? c : best));
  return {
    ownerId: owner.memberId,
    position: candidates.indexOf(owner) + 1,
    nextPass: finish(owner),
    skipped,
  };
}

/** Why the lead's importance rules this candidate out: the one check routing, hand and bulk assignment share. */
export function importanceSkip(c: RoutingCandidate, rule: ImportantRule): SkipReason | undefined {
  if (rule !== 'open' && c.intern) return 'intern';
  if (rule === 'seniors_only' && !c.senior) return 'not_senior';
  return undefined;
}

/** An important lead is never an intern's; and senior reps' only while the org keeps `importantToSeniors` on. */
export function importantRule(org: Org, grade: Grade): ImportantRule {
  if (grade !== 'important') return 'open';
  return seniorsOnly(org, grade) ? 'seniors_only' : 'no_interns';
}

/** Whether routing gives this lead to senior reps only: important leads, unless the org turned the setting off. */
export function seniorsOnly(org: Org, grade: Grade): boolean {
  return grade === 'important' && org.settings.importantToSeniors !== false;
}
