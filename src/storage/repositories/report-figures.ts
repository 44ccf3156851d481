import type { Types } from 'mongoose';
import {
  type ChannelRow,
  type CohortFigures,
  type CohortRow,
  RECENCY_BUCKETS,
  type RecencyBucket,
  type ReportQueries,
} from '../../core/reports/index.js';
import { memberId } from '../../core/shared/ids.js';
import type { Models } from '../models.js';
import { mustObjectId } from '../object-id.js';
import {
  cohortFields,
  cohortGroup,
  createdIn,
  DAY_MS,
  funnelFacets,
  recencyBucket,
  scopeMatch,
} from './report-pipelines.js';

type GroupRow = {
  _id: Types.ObjectId | null;
  name?: string;
  assigned: number;
  unfollowed: number;
  responded: number;
  followUps: number;
  won: number;
  wonAmount: number;
  median?: number | null;
  p90?: number | null;
};
type Count = { _id: string | null; n: number };
type CohortFacets = {
  reps: GroupRow[];
  total: GroupRow[];
  stages: Count[];
  reached: Count[];
  stays: { _id: string | null; median?: number | null }[];
  loss: Count[];
};

const EMPTY: CohortRow = { assigned: 0, unfollowed: 0, responded: 0, followUps: 0, won: 0, wonAmount: 0 };
const HOUR_MS = 3_600_000;

function rowOf(r: GroupRow): CohortRow {
  return {
    ...(r._id ? { memberId: memberId(r._id.toHexString()) } : {}),
    ...(r._id && r.name ? { name: r.name } : {}),
    ...{ assigned: r.assigned, unfollowed: r.unfollowed, responded: r.responded, followUps: r.followUps },
    ...{ won: r.won, wonAmount: r.wonAmount },
    ...(typeof r.median === 'number' ? { responseMedianMs: r.median } : {}),
    ...(typeof r.p90 === 'number' ? { responseP90Ms: r.p90 } : {}),
  };
}

const countsOf = (rows: readonly Count[]) =>
  Object.fromEntries(rows.flatMap((r) => (r._id === null ? [] : [[r._id, r.n]])));

/** The report figures (core/reports' port) as aggregations: each method is one database command. */
export function mongoReportQueries(models: Pick<Models, 'Lead' | 'FollowUp'>): ReportQueries {
  const leads = models.Lead.collection;
  return {
    async cohort(org, q) {
      const [facets] = await leads
        .aggregate<CohortFacets>([
          { $match: { orgId: mustObjectId(org), assignedAt: { $gte: q.from, $lt: q.to }, ...scopeMatch(q) } },
          ...cohortFields(q),
          { $facet: { reps: cohortGroup('$ownerId'), total: cohortGroup(null), ...funnelFacets(q) } },
        ])
        .toArray();
      return cohortOf(facets);
    },

    async reclaims(org, q) {
      const rows = await leads
        .aggregate<{ _id: Types.ObjectId; reclaims: number; missed: number }>([
          {
            $match: {
              ...{ orgId: mustObjectId(org), 'lastReclaim.at': { $gte: q.from, $lt: q.to } },
              ...scopeMatch(q, 'lastReclaim.fromOwnerId'),
            },
          },
          {
            $group: {
              _id: '$lastReclaim.fromOwnerId',
              reclaims: { $sum: 1 },
              missed: { $sum: { $cond: [{ $eq: ['$lastReclaim.stale', true] }, 0, 1] } },
            },
          },
        ])
        .toArray();
      return rows.map((r) => ({
        memberId: memberId(r._id.toHexString()),
        reclaims: r.reclaims,
        missed: r.missed,
      }));
    },

    async channels(org, q) {
      const [facets] = await leads
        .aggregate<{ sources: ChannelGroup[]; campaigns: ChannelGroup[] }>([
          {
            $match: {
              ...{ orgId: mustObjectId(org), ...createdIn(q.from, q.to), status: { $ne: 'duplicate' } },
              ...scopeMatch(q),
            },
          },
          ...channelFields(q.wonKeys),
          {
            $facet: {
              sources: channelGroup('$source'),
              campaigns: [{ $match: { campaign: { $type: 'string' } } }, ...channelGroup('$campaign')],
            },
          },
        ])
        .toArray();
      return [
        ...(facets?.sources ?? []).map((r) => channelOf('source', r)),
        ...(facets?.campaigns ?? []).map((r) => channelOf('campaign', r)),
      ];
    },

    async campaignTotals(org, names, wonKeys) {
      const rows = await leads
        .aggregate<{ _id: string; leads: number; won: number }>([
          {
            $match: { orgId: mustObjectId(org), campaign: { $in: [...names] }, status: { $ne: 'duplicate' } },
          },
          ...channelFields(wonKeys),
          { $group: { _id: '$campaign', leads: { $sum: 1 }, won: { $sum: '$won' } } },
        ])
        .toArray();
      return rows.map((r) => ({ name: r._id, leads: r.leads, won: r.won }));
    },

    async followUpHours(org, q) {
      const local = { $add: [{ $subtract: ['$at', new Date(0)] }, q.offsetMs] };
      const rows = await models.FollowUp.collection
        .aggregate<{ _id: number; hours: { h: number; n: number }[] }>([
          {
            $match: {
              ...{ orgId: mustObjectId(org), at: { $gte: q.from, $lt: q.to }, version: 1 },
              ...(q.authorIds ? { authorId: { $in: q.authorIds.map(mustObjectId) } } : {}),
            },
          },
          // `_id: 0`: the stage then needs only indexed fields, so MongoDB can answer from follow_up_report_author.
          { $project: { _id: 0, ms: local } },
          // 1970-01-01 was a Thursday: day 0 is weekday 3 counting Monday as 0.
          {
            $project: {
              w: { $mod: [{ $add: [{ $floor: { $divide: ['$ms', DAY_MS] } }, 3] }, 7] },
              h: { $floor: { $divide: [{ $mod: ['$ms', DAY_MS] }, HOUR_MS] } },
            },
          },
          { $group: { _id: { w: '$w', h: '$h' }, n: { $sum: 1 } } },
          // One row per weekday (at most 7): 168 cells would take a second round trip (a cursor's first batch is 101).
          { $group: { _id: '$_id.w', hours: { $push: { h: '$_id.h', n: '$n' } } } },
        ])
        .toArray();
      return rows.flatMap((r) => r.hours.map((c) => ({ weekday: r._id, hour: c.h, followUps: c.n })));
    },

    async recency(org, q) {
      const rows = await leads
        .aggregate<Count>([
          {
            $match: {
              ...{ orgId: mustObjectId(org), status: { $in: ['assigned', 'claimed'] }, ...scopeMatch(q) },
              'stage.key': { $nin: [...q.wonKeys, ...q.lostKeys] },
            },
          },
          {
            $project: {
              days: {
                $cond: [
                  { $ifNull: ['$lastFollowUp.at', false] },
                  {
                    $max: [0, { $floor: { $divide: [{ $subtract: [q.asOf, '$lastFollowUp.at'] }, DAY_MS] } }],
                  },
                  -1,
                ],
              },
            },
          },
          { $group: { _id: recencyBucket, n: { $sum: 1 } } },
        ])
        .toArray();
      const counts = countsOf(rows);
      return Object.fromEntries(RECENCY_BUCKETS.map((b) => [b, counts[b] ?? 0])) as Record<
        RecencyBucket,
        number
      >;
    },
  };
}

function cohortOf(f: CohortFacets | undefined): CohortFigures {
  const total = f?.total[0];
  return {
    reps: (f?.reps ?? []).filter((r) => r._id !== null).map(rowOf),
    total: total ? rowOf(total) : EMPTY,
    stageLeads: countsOf(f?.stages ?? []),
    stageReached: countsOf(f?.reached ?? []),
    stageMedianMs: Object.fromEntries(
      (f?.stays ?? []).flatMap((s) =>
        s._id !== null && typeof s.median === 'number' ? [[s._id, s.median]] : [],
      ),
    ),
    lossReasons: (f?.loss ?? []).map((l) => ({ reason: l._id ?? '', leads: l.n })),
  };
}

type ChannelGroup = { _id: string | null; leads: number; followed: number; won: number; wonAmount: number };

function channelFields(wonKeys: readonly string[]) {
  const won = { $in: [{ $ifNull: ['$stage.key', 'lead'] }, [...wonKeys]] };
  return [
    {
      $project: {
        source: 1,
        campaign: 1,
        followed: { $cond: [{ $gt: [{ $ifNull: ['$lastFollowUp.count', 0] }, 0] }, 1, 0] },
        won: { $cond: [won, 1, 0] },
        amount: { $cond: [won, { $ifNull: ['$stage.deal.amount', 0] }, 0] },
      },
    },
  ];
}

const channelGroup = (by: string) => [
  {
    $group: {
      _id: by,
      leads: { $sum: 1 },
      followed: { $sum: '$followed' },
      won: { $sum: '$won' },
      wonAmount: { $sum: '$amount' },
    },
  },
  { $sort: { leads: -1, _id: 1 } },
];

const channelOf = (kind: ChannelRow['kind'], r: ChannelGroup): ChannelRow => ({
  kind,
  name: r._id ?? '',
  ...{ leads: r.leads, followed: r.followed, won: r.won, wonAmount: r.wonAmount },
});
