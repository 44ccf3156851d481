import type { Member } from '../org/index.js';
import type { MemberId } from '../shared/ids.js';
import type { CohortFigures, CohortRow, ReclaimRow } from './ports.js';
import { medianOf, rate } from './report-math.js';
import type { RepFigures, TeamMedians } from './report-types.js';

const NONE: ReclaimRow = { memberId: '' as MemberId, reclaims: 0, missed: 0 };

/** A cohort row with the reclaims added: each ladder reclaim is an assignment the rep missed (see RepFigures). */
function figuresOf(row: CohortRow, r: ReclaimRow, name: string | undefined): RepFigures {
  const assigned = row.assigned + r.missed;
  const unfollowed = row.unfollowed + r.missed;
  return {
    ...(row.memberId ? { memberId: row.memberId } : {}),
    ...(name ? { name } : {}),
    assigned,
    unfollowed,
    unfollowedRate: rate(unfollowed, assigned),
    reclaims: r.reclaims,
    responded: row.responded,
    ...(row.responseMedianMs !== undefined ? { responseMedianMs: row.responseMedianMs } : {}),
    ...(row.responseP90Ms !== undefined ? { responseP90Ms: row.responseP90Ms } : {}),
    followUpsPerLead: rate(row.followUps, row.assigned),
    won: row.won,
    wonAmount: row.wonAmount,
    conversion: rate(row.won, row.assigned),
  };
}

const emptyRow = (memberId: MemberId): CohortRow => ({
  memberId,
  assigned: 0,
  unfollowed: 0,
  responded: 0,
  followUps: 0,
  won: 0,
  wonAmount: 0,
});

/** Per rep (every owner in the cohort and everyone reclaimed from), worst unfollowed rate first, and the total. */
export function repFigures(
  cohort: CohortFigures,
  reclaims: readonly ReclaimRow[],
  members: readonly Member[],
) {
  const byId = new Map(cohort.reps.flatMap((r) => (r.memberId ? [[r.memberId, r] as const] : [])));
  for (const r of reclaims) if (!byId.has(r.memberId)) byId.set(r.memberId, emptyRow(r.memberId));
  const reclaimsOf = new Map(reclaims.map((r) => [r.memberId, r]));
  const names = new Map(members.map((m) => [m.id, m.name]));
  const reps = [...byId.values()]
    .map((row) => {
      const id = row.memberId as MemberId;
      return figuresOf(row, reclaimsOf.get(id) ?? NONE, names.get(id) ?? row.name);
    })
    .sort((a, b) => b.unfollowedRate - a.unfollowedRate || b.assigned - a.assigned);
  const sum = (pick: (r: ReclaimRow) => number) => reclaims.reduce((n, r) => n + pick(r), 0);
  const all = { ...NONE, reclaims: sum((r) => r.reclaims), missed: sum((r) => r.missed) };
  return { reps, total: figuresOf(cohort.total, all, undefined) };
}

/** The median rep of each figure, over the reps who had leads or reclaims. */
export function teamMedians(reps: readonly RepFigures[]): TeamMedians {
  const median = (pick: (r: RepFigures) => number | undefined) => medianOf(reps.map(pick));
  const responseMedianMs = median((r) => r.responseMedianMs);
  return {
    unfollowedRate: median((r) => r.unfollowedRate) ?? 0,
    ...(responseMedianMs !== undefined ? { responseMedianMs } : {}),
    followUpsPerLead: median((r) => r.followUpsPerLead) ?? 0,
    conversion: median((r) => r.conversion) ?? 0,
    reclaims: median((r) => r.reclaims) ?? 0,
  };
}
