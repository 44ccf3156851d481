import { Types } from 'mongoose';
import type { FigureQuery } from '../../core/reports/index.js';
import { mustObjectId } from '../object-id.js';

/**
 * The report figures' aggregation stages. They use only operators the offline dev server (mongomock) runs too:
 * no `$percentile`/`$median`, `$sortArray`, `$dateDiff` or time-zone date parts; percentiles are a `$sort` then a
 * `$push` of one number per lead and the element at the nearest rank, local hours are the UTC instant plus the zone's
 * offset. Every `$match` leads with the org and a time range on an index (see lead-model.ts, follow-up-model.ts).
 */
export const DAY_MS = 86_400_000;
const EPOCH = new Date(0);
const FIRST_STAGE = 'lead';
// "No deadline": the latest instant the dev server's date type holds (JavaScript's own maximum overflows it).
const NEVER = new Date('9999-12-31T00:00:00Z');

/** The teams and the owner a query is narrowed to, as a `$match` fragment. */
export function scopeMatch(q: Pick<FigureQuery, 'teamIds' | 'ownerId'>, ownerField = 'ownerId') {
  return {
    ...(q.teamIds ? { teamId: { $in: q.teamIds.map(mustObjectId) } } : {}),
    ...(q.ownerId ? { [ownerField]: mustObjectId(q.ownerId) } : {}),
  };
}

/** The nearest-rank element of a sorted array field (core's nearestRank): missing when the array is empty. */
export const rankOf = (field: string, p: number) => ({
  $arrayElemAt: [field, { $subtract: [{ $ceil: { $multiply: [p, { $size: field }] } }, 1] }],
});

/** Drops the nulls a `$push` of a conditional field collected. */
const present = (field: string) => ({ $filter: { input: field, as: 'v', cond: { $ne: ['$$v', null] } } });

const stageKey = { $ifNull: ['$stage.key', FIRST_STAGE] };

/** One number or flag per cohort lead: what every figure of the cohort is summed or ranked from. */
export function cohortFields(q: FigureQuery) {
  return [
    {
      $project: {
        ownerId: 1,
        ownerName: 1,
        lossReason: { $ifNull: ['$stage.loss.reason', ''] },
        amount: { $ifNull: ['$stage.deal.amount', 0] },
        followUps: { $ifNull: ['$lastFollowUp.count', 0] },
        ...cohortFlags(q),
        won: { $cond: [{ $in: [stageKey, [...q.wonKeys]] }, 1, 0] },
        events: {
          $filter: {
            input: { $ifNull: ['$history', []] },
            as: 'e',
            cond: { $eq: ['$$e.type', 'stage_changed'] },
          },
        },
      },
    },
  ];
}

/** The stage, response and unfollowed flags of a cohort lead: the figures' and the drill-down lists' one definition. */
export function cohortFlags(q: Pick<FigureQuery, 'asOf'>) {
  const responded = { $gte: [{ $ifNull: ['$respondedAt', EPOCH] }, '$assignedAt'] };
  const deadlinePassed = { $lte: [{ $ifNull: ['$reclaimAt', NEVER] }, q.asOf] };
  const lateOrNever = {
    $or: [
      { $eq: ['$followUpStatus', 'unfollowed'] },
      { $gt: [{ $ifNull: ['$respondedAt', EPOCH] }, { $ifNull: ['$reclaimAt', NEVER] }] },
    ],
  };
  return {
    stageKey,
    responded: { $cond: [responded, 1, 0] },
    responseMs: { $cond: [responded, { $subtract: ['$respondedAt', '$assignedAt'] }, null] },
    unfollowed: { $cond: [{ $and: [deadlinePassed, lateOrNever] }, 1, 0] },
  };
}

/** The per-owner (or, `_id: null`, total) sums and response-time ranks of the cohort. */
export function cohortGroup(by: string | null) {
  return [
    { $sort: { responseMs: 1 } },
    {
      $group: {
        _id: by,
        name: { $last: '$ownerName' },
        assigned: { $sum: 1 },
        unfollowed: { $sum: '$unfollowed' },
        responded: { $sum: '$responded' },
        times: { $push: '$responseMs' },
        followUps: { $sum: '$followUps' },
        won: { $sum: '$won' },
        wonAmount: { $sum: { $cond: [{ $eq: ['$won', 1] }, '$amount', 0] } },
      },
    },
    { $addFields: { times: present('$times') } },
    {
      $project: {
        ...{ name: 1, assigned: 1, unfollowed: 1, responded: 1, followUps: 1, won: 1, wonAmount: 1 },
        median: rankOf('$times', 0.5),
        p90: rankOf('$times', 0.9),
      },
    },
  ];
}

const asArray = (expr: string) => ({ $map: { input: [0], as: 'x', in: expr } });

/** The funnel's facets: leads per stage now, ever reached, completed stays' median, loss reasons. */
export function funnelFacets(q: FigureQuery) {
  const ends = (end: 'from' | 'to') => ({ $map: { input: '$events', as: 'e', in: `$$e.stage.${end}` } });
  return {
    stages: [{ $group: { _id: '$stageKey', n: { $sum: 1 } } }],
    reached: [
      // The current stage as a one-element array by `$map`: the dev server leaves expressions in array literals unread.
      { $project: { keys: { $setUnion: [[FIRST_STAGE], asArray('$stageKey'), ends('from'), ends('to')] } } },
      { $unwind: '$keys' },
      { $group: { _id: '$keys', n: { $sum: 1 } } },
    ],
    stays: [
      { $project: { e: '$events' } },
      { $unwind: '$e' },
      { $sort: { 'e.stage.satMs': 1 } },
      { $group: { _id: '$e.stage.from', ms: { $push: '$e.stage.satMs' } } },
      { $project: { median: rankOf('$ms', 0.5) } },
    ],
    loss: [
      { $match: { stageKey: { $in: [...q.lostKeys] } } },
      { $group: { _id: '$lossReason', n: { $sum: 1 } } },
      { $sort: { n: -1, _id: 1 } },
    ],
  };
}

/** The leads created in `[from, to)`: the `_id` range rides the (orgId, _id) index; `createdAt` makes it exact. */
export function createdIn(from: Date, to: Date) {
  const oid = (at: Date, pad: number) => Types.ObjectId.createFromTime(Math.floor(at.getTime() / 1000) + pad);
  return { _id: { $gte: oid(from, 0), $lt: oid(to, 1) }, createdAt: { $gte: from, $lt: to } };
}

/** `days` since the latest follow-up as a recency bucket key (core's RECENCY_BUCKETS), `never` without one. */
const BUCKET_TOPS: readonly [number, string][] = [
  [-1, 'never'],
  [3, '0-3'],
  [7, '4-7'],
  [14, '8-14'],
  [30, '15-30'],
];
// Nested `$cond`s rather than `$switch`, whose `then` keys read as a thenable to the linter.
export const recencyBucket = BUCKET_TOPS.reduceRight<unknown>(
  (otherwise, [top, bucket]) => ({ $cond: [{ $lte: ['$days', top] }, bucket, otherwise] }),
  '30+',
);
