import type { PipelineStage } from 'mongoose';
import type { DueGroup, DueGroups, DueList, DueQuery } from '../../core/follow-ups/index.js';
import { DUE_LISTS, OPEN_STATUSES } from '../../core/follow-ups/index.js';
import type { OrgId } from '../../core/shared/ids.js';
import type { LeadDoc } from '../models/lead-model.js';
import type { Models } from '../models.js';
import { mustObjectId, toObjectId } from '../object-id.js';
import { leadFromDoc } from './lead-mapping.js';

/** Each list's condition, as `dueListsOf` states it in core (the contract test holds the two together). */
function listFilters(q: DueQuery): Record<DueList, Record<string, unknown>> {
  return {
    today: { 'plan.nextContactAt': { $gte: q.dayStart, $lt: q.dayEnd } },
    overdue: {
      $or: [
        { 'plan.nextContactAt': { $lt: q.dayStart } },
        { followUpStatus: 'unfollowed', nudgeAt: { $lte: q.now } },
      ],
    },
    stalled: {
      $or: q.stalled.map((r) => ({
        // The first stage is also every lead that has no stage yet.
        'stage.key': r.stageKey === undefined ? { $exists: false } : r.stageKey,
        ...(r.importantOnly ? { grade: 'important' } : {}),
        'lastFollowUp.at': { $lt: r.before },
      })),
    },
  };
}

const SORT_BY: Record<DueList, string> = {
  today: 'plan.nextContactAt',
  overdue: 'sortAt',
  stalled: 'lastFollowUp.at',
};

/**
 * The three lists in one aggregation: the open leads of the scope that are in any list (each branch of the `$or`
 * on an index of its own: `plan.nextContactAt`, the ladder's `nudgeAt`, `lastFollowUp.at`), then one `$facet`
 * per list and grouping (by owner, by team), each group counted with its first `top` leads. A morning agenda is
 * one command per org whatever its size; only the listed leads travel.
 */
export async function findDueLists(models: Models, org: OrgId, q: DueQuery): Promise<DueGroups> {
  const filters = listFilters(q);
  const scope: Record<string, unknown> = {
    orgId: mustObjectId(org),
    status: { $in: [...OPEN_STATUSES] },
    ownerId: q.ownerId ? (toObjectId(q.ownerId) ?? null) : { $exists: true },
    ...(q.teamIds ? { teamId: { $in: q.teamIds.map((t) => toObjectId(t) ?? null) } } : {}),
  };
  const anyList = {
    $or: [filters.today, { 'plan.nextContactAt': { $lt: q.dayStart } }, ...branches(filters)],
  };
  const facet = (list: DueList, by: 'ownerId' | 'teamId'): PipelineStage.FacetPipelineStage[] => [
    { $match: filters[list] },
    { $sort: { [SORT_BY[list]]: 1 as const, _id: 1 as const } },
    { $group: { _id: `$${by}`, count: { $sum: 1 }, leads: { $push: '$$ROOT' } } },
    { $project: { count: 1, leads: { $slice: ['$leads', q.top] } } },
  ];
  const facets = Object.fromEntries(
    DUE_LISTS.flatMap((list) => [
      [`${list}:owner`, facet(list, 'ownerId')],
      [`${list}:team`, facet(list, 'teamId')],
    ]),
  );
  const [result] = await models.Lead.aggregate<Record<string, RawGroup[]>>([
    { $match: { ...scope, ...anyList } },
    { $project: { history: 0 } },
    { $addFields: { sortAt: { $ifNull: ['$plan.nextContactAt', '$nudgeAt'] } } },
    { $facet: facets },
  ]);
  const groups = (key: string): DueGroup[] =>
    (result?.[key] ?? [])
      .filter((g) => g._id)
      .map((g) => ({
        id: String(g._id),
        count: g.count,
        leads: g.leads.map((d) => leadFromDoc({ ...d, history: [] })),
      }));
  return Object.fromEntries(
    DUE_LISTS.map((list) => [list, { byOwner: groups(`${list}:owner`), byTeam: groups(`${list}:team`) }]),
  ) as unknown as DueGroups;
}

type RawGroup = { _id: unknown; count: number; leads: LeadDoc[] };

/** The `$or` branches of the match, flattened so each names one index. */
function branches(filters: Record<DueList, Record<string, unknown>>): Record<string, unknown>[] {
  const overdue = filters.overdue.$or as Record<string, unknown>[];
  const stalled = filters.stalled.$or as Record<string, unknown>[];
  return [...overdue.slice(1), ...stalled];
}
