import type { Types } from 'mongoose';
import { CENTRE_ROLES } from '../../core/after-sales/after-sales-types.js';
import type { StaffLoad } from '../../core/after-sales/ports.js';
import type { Role } from '../../core/org/index.js';
import { memberId } from '../../core/shared/ids.js';
import type { Models } from '../models.js';

/** One member of the centre as the stages below leave it. */
export type StaffRow = { _id: Types.ObjectId; name: string; roles: Role[]; openTasks: number };

/**
 * The stages that turn an org's `members` into the centre's staff with their open task counts: the active members
 * holding a centre role, each joined to the tasks that carry them as `openAssigneeId` (only open tasks do, so the
 * join reads what is open, never a member's whole history; task-repository.ts keeps the field). An equality
 * `$lookup` (the dev server has no `let`/`pipeline` joins).
 */
export function staffStages(models: Pick<Models, 'Task'>): object[] {
  return [
    { $match: { active: true, roles: { $in: [...CENTRE_ROLES] } } },
    {
      $lookup: {
        from: models.Task.collection.collectionName,
        localField: '_id',
        foreignField: 'openAssigneeId',
        as: 'open',
      },
    },
    { $project: { name: 1, roles: 1, openTasks: { $size: '$open' } } },
    { $sort: { _id: 1 } },
  ];
}

export const staffFromRow = (row: StaffRow): StaffLoad => ({
  memberId: memberId(row._id.toHexString()),
  name: row.name,
  roles: row.roles,
  openTasks: row.openTasks,
});
