import type { PickResult, RoutingCandidate, SkipReason, Strategy } from './routing-types.js';

/** Why this candidate cannot take a lead now, or undefined when they can. Order: the most lasting reason first. */
export function skipReason(c: RoutingCandidate): SkipReason | undefined {
  if (!c.active) return 'inactive';
  if (c.onLeave) return 'on_leave';
  if (!c.isRep) return 'not_a_rep';
  if (c.assignedToday >= c.dailyCap) return 'at_daily_cap';
  if (c.openLeads >= c.privatePoolCapacity) return 'private_pool_full';
  return undefined;
}

const mod = (n: number, m: number) => ((n % m) + m) % m;

/**
 * Picks the owner of one lead. Pure: the caller supplies the candidates in the team's stable rotation order and a
 * ticket, a number handed out atomically per team (so concurrent intakes each get their own turn). The ticket is
 * what makes the rotation fair and race-free; this function only reads it.
 */
export function pickAssignee(
  strategy: Strategy,
  candidates: readonly RoutingCandidate[],
  ticket: number,
): PickResult {
  if (strategy === 'pool' || candidates.length === 0) return { skipped: [] };
  if (strategy === 'round_robin') return roundRobin(candidates, ticket);
  const eligible = candidates.filter((c) => skipReason(c) === undefined);
  const skipped = candidates.flatMap((c) => {
    const why = skipReason(c);
    return why ? [{ memberId: c.memberId, why }] : [];
  });
  const owner = strategy === 'weighted' ? weighted(eligible, ticket) : leastLoaded(eligible, ticket);
  if (!owner) return { skipped };
  return { ownerId: owner.memberId, position: candidates.indexOf(owner) + 1, skipped };
}

/** Walks the rotation from the ticket's seat; everyone passed over on the way is reported with the reason. */
function roundRobin(candidates: readonly RoutingCandidate[], ticket: number): PickResult {
  const skipped: { memberId: RoutingCandidate['memberId']; why: SkipReason }[] = [];
  for (let step = 0; step < candidates.length; step++) {
    const index = mod(ticket + step, candidates.length);
    const candidate = candidates[index]!;
    const why = skipReason(candidate);
    if (!why) return { ownerId: candidate.memberId, position: index + 1, skipped };
    skipped.push({ memberId: candidate.memberId, why });
  }
  return { skipped };
}

/** Over any run of W consecutive tickets (W = total seats) each member gets exactly their seats' share. */
function weighted(eligible: readonly RoutingCandidate[], ticket: number): RoutingCandidate | undefined {
  const positive = eligible.filter((c) => c.weight > 0);
  if (positive.length === 0) return undefined;
  // Spread each member's seats across the cycle (not in one block) by ordering seats by their fractional position.
  // Weights are whole seats (conversion-derived weights come as percentages); any positive weight gets one seat.
  const seatCount = (c: RoutingCandidate) => Math.max(1, Math.round(c.weight));
  const seats = positive.flatMap((c) =>
    Array.from({ length: seatCount(c) }, (_, k) => ({ c, at: (k + 0.5) / seatCount(c) })),
  );
  seats.sort((a, b) => a.at - b.at || positive.indexOf(a.c) - positive.indexOf(b.c));
  return seats[mod(ticket, seats.length)]?.c;
}

/** Fewest open leads wins; ties go round the rotation from the ticket, so equal loads still take turns. */
function leastLoaded(eligible: readonly RoutingCandidate[], ticket: number): RoutingCandidate | undefined {
  const fewest = Math.min(...eligible.map((c) => c.openLeads));
  const tied = eligible.filter((c) => c.openLeads === fewest);
  return tied.length > 0 ? tied[mod(ticket, tied.length)] : undefined;
}
