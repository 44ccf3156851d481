import type { Types } from 'mongoose';
import type {
  ItemPage,
  LeadItemQuery,
  LeadItemRow,
  ReportItemQueries,
  TaskItemRow,
} from '../../core/reports/index.js';
import type { Models } from '../models.js';
import { mustObjectId } from '../object-id.js';
import { cohortFlags, createdIn, scopeMatch } from './report-pipelines.js';

type LeadRow = {
  code?: string;
  contact?: { name?: string; company?: string; phone?: string };
  ownerName?: string;
  stageKey: string;
  source: string;
  campaign?: string;
  assignedAt?: Date;
  responseMs?: number | null;
  createdAt: Date;
};
type Paged<T> = { items: T[]; total: { n: number }[] };

const DISPLAY = {
  code: 1,
  contact: 1,
  ownerName: 1,
  ownerId: 1,
  source: 1,
  campaign: 1,
  assignedAt: 1,
  createdAt: 1,
};

/** A page of the rows left after `match`, sorted, and the count of all of them: one `$facet`, one command. */
const paged = (sort: Record<string, 1 | -1>, skip: number, limit: number) => ({
  $facet: { items: [{ $sort: sort }, { $skip: skip }, { $limit: limit }], total: [{ $count: 'n' }] },
});

/**
 * The drill-down lists (core/reports' listReportItems), each one aggregation that starts on its figure's index
 * (report_assigned, report_reclaimed, (orgId, _id) by creation, tasks by approval) and uses the figure's own flags.
 */
export function mongoReportItems(models: Pick<Models, 'Lead' | 'Task'>): ReportItemQueries {
  return {
    async leadItems(org, q) {
      const [found] = await models.Lead.collection
        .aggregate<Paged<LeadRow>>([
          { $match: { orgId: mustObjectId(org), ...firstMatch(q) } },
          { $project: { ...DISPLAY, ...cohortFlags(q), missed: missedFrom(q) } },
          { $match: figureMatch(q) },
          paged(
            q.figure === 'response' ? { responded: 1, responseMs: -1, _id: 1 } : { _id: -1 },
            q.skip,
            q.limit,
          ),
        ])
        .toArray();
      return pageOf(found, leadRowOf);
    },

    async taskItems(org, q) {
      const [found] = await models.Task.collection
        .aggregate<Paged<TaskItemRow & { _id: Types.ObjectId }>>([
          {
            $match: {
              ...{ orgId: mustObjectId(org), 'approval.at': { $gte: q.from, $lt: q.to }, overdue: true },
              ...(q.assigneeId ? { assigneeId: mustObjectId(q.assigneeId) } : {}),
            },
          },
          { $project: { code: 1, complaintCode: 1, customerName: 1, assigneeName: 1, status: 1, dueAt: 1 } },
          paged({ dueAt: 1, _id: 1 }, q.skip, q.limit),
        ])
        .toArray();
      return pageOf(found, ({ _id, ...task }) => task);
    },
  };
}

/** The indexed part of the match: the figure's leads (cohort, reclaims, created) in the period and scope. */
function firstMatch(q: LeadItemQuery) {
  const cohort = { assignedAt: { $gte: q.from, $lt: q.to }, ...scopeMatch(q) };
  if (q.figure === 'channel' && q.channel)
    return {
      ...createdIn(q.from, q.to),
      status: { $ne: 'duplicate' },
      ...scopeMatch(q),
      [q.channel.kind]: q.channel.name,
    };
  if (q.figure === 'stage') return cohort;
  const owner = q.memberId ? mustObjectId(q.memberId) : undefined;
  if (q.figure === 'response') return { ...cohort, ownerId: owner };
  // Unfollowed counts the rep's cohort leads and the ladder's reclaims from them (which have left the rep).
  return {
    $or: [
      { ...cohort, ownerId: owner },
      {
        ...{ 'lastReclaim.at': { $gte: q.from, $lt: q.to }, 'lastReclaim.fromOwnerId': owner },
        ...scopeMatch({ ...(q.teamIds ? { teamIds: q.teamIds } : {}) }),
        'lastReclaim.stale': { $ne: true },
      },
    ],
  };
}

/** Whether the ladder reclaimed the lead from the rep in the period (each such reclaim is one unfollowed lead). */
function missedFrom(q: LeadItemQuery) {
  if (q.figure !== 'unfollowed' || !q.memberId) return { $literal: 0 };
  return {
    $cond: [
      {
        $and: [
          { $eq: ['$lastReclaim.fromOwnerId', mustObjectId(q.memberId)] },
          { $ne: ['$lastReclaim.stale', true] },
          { $gte: ['$lastReclaim.at', q.from] },
          { $lt: ['$lastReclaim.at', q.to] },
        ],
      },
      1,
      0,
    ],
  };
}

function figureMatch(q: LeadItemQuery) {
  if (q.figure === 'stage') return { stageKey: q.stageKey };
  if (q.figure === 'unfollowed' && q.memberId)
    return { $or: [{ ownerId: mustObjectId(q.memberId), unfollowed: 1 }, { missed: 1 }] };
  return {};
}

function leadRowOf(r: LeadRow): LeadItemRow {
  return {
    ...(r.code ? { code: r.code } : {}),
    ...(r.contact?.name ? { name: r.contact.name } : {}),
    ...(r.contact?.company ? { company: r.contact.company } : {}),
    ...(r.contact?.phone ? { phone: r.contact.phone } : {}),
    ...(r.ownerName ? { ownerName: r.ownerName } : {}),
    ...{ stageKey: r.stageKey, source: r.source, createdAt: r.createdAt },
    ...(r.campaign ? { campaign: r.campaign } : {}),
    ...(r.assignedAt ? { assignedAt: r.assignedAt } : {}),
    ...(typeof r.responseMs === 'number' ? { responseMs: r.responseMs } : {}),
  };
}

function pageOf<R, T>(found: Paged<R> | undefined, map: (row: R) => T): ItemPage<T> {
  return { items: (found?.items ?? []).map(map), total: found?.total[0]?.n ?? 0 };
}
