import type { Types } from 'mongoose';
import type {
  AfterSalesFigures,
  CustomerComplaintFigure,
  StaffHoursFigure,
} from '../../core/after-sales/ports.js';
import { customerId, memberId } from '../../core/shared/ids.js';
import type { Models } from '../models.js';
import { mustObjectId } from '../object-id.js';

type StaffRow = {
  _id: Types.ObjectId;
  name: string;
  tasks: number;
  reported: number;
  approved: number;
  overdue: number;
};
type CustomerRow = {
  _id: Types.ObjectId;
  name: string;
  complaints: number;
  resolved: number;
  meanMs: number | null;
};

/** The after-sales figures as two aggregations over the (org, approval.at) and (org, createdAt) indexes. */
export function mongoAfterSalesFigures(models: Pick<Models, 'Task' | 'Complaint'>): AfterSalesFigures {
  return {
    async staffHours(org, { from, to }) {
      const rows = await models.Task.collection
        .aggregate<StaffRow>([
          { $match: { orgId: mustObjectId(org), 'approval.at': { $gte: from, $lt: to } } },
          {
            $group: {
              _id: '$assigneeId',
              name: { $last: '$assigneeName' },
              tasks: { $sum: 1 },
              reported: { $sum: { $ifNull: ['$report.hours', 0] } },
              approved: { $sum: '$approval.hours' },
              overdue: { $sum: { $cond: ['$overdue', 1, 0] } },
            },
          },
          { $sort: { approved: -1, _id: 1 } },
        ])
        .toArray();
      return rows.map(
        (r): StaffHoursFigure => ({
          assigneeId: memberId(r._id.toHexString()),
          assigneeName: r.name,
          tasks: r.tasks,
          reportedHours: r.reported,
          approvedHours: r.approved,
          overdue: r.overdue,
          overdueRate: r.tasks ? r.overdue / r.tasks : 0,
        }),
      );
    },
    async customerComplaints(org, { from, to }) {
      const rows = await models.Complaint.collection
        .aggregate<CustomerRow>([
          { $match: { orgId: mustObjectId(org), createdAt: { $gte: from, $lt: to } } },
          {
            $group: {
              _id: '$customerId',
              name: { $last: '$customerName' },
              complaints: { $sum: 1 },
              resolved: { $sum: { $cond: [{ $ifNull: ['$resolvedAt', false] }, 1, 0] } },
              meanMs: {
                $avg: {
                  $cond: [
                    { $ifNull: ['$resolvedAt', false] },
                    { $subtract: ['$resolvedAt', '$createdAt'] },
                    null,
                  ],
                },
              },
            },
          },
          { $sort: { complaints: -1, _id: 1 } },
        ])
        .toArray();
      return rows.map(
        (r): CustomerComplaintFigure => ({
          customerId: customerId(r._id.toHexString()),
          customerName: r.name,
          complaints: r.complaints,
          resolved: r.resolved,
          ...(r.meanMs !== null ? { meanHoursToResolve: r.meanMs / 3_600_000 } : {}),
        }),
      );
    },
  };
}
