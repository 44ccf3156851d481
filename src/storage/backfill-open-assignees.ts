import { OPEN_TASK_STATUSES } from '../core/after-sales/after-sales-types.js';
import type { Models } from './models.js';

/** Written once the backfill found nothing left: every task insert sets the field since, so later starts skip it. */
const DONE_MARKER = { _id: 'migration:task-open-assignee', orgId: '*', name: 'migration', seq: 1 };

/**
 * Gives `openAssigneeId` (what the complaint centre's open counts join on, task-repository.ts) to the open tasks
 * stored before it existed, at start-up. Each write is conditional on the task still being open and without it, so
 * a task approved meanwhile, or a second instance starting at once, changes nothing. Returns how many got it.
 */
export async function backfillOpenAssignees(models: Pick<Models, 'Task' | 'Counter'>): Promise<number> {
  if (await models.Counter.collection.findOne({ _id: DONE_MARKER._id as never })) return 0;
  const open = { status: { $in: [...OPEN_TASK_STATUSES] }, openAssigneeId: { $exists: false } };
  // Open tasks are few (an org's current work), so one read takes them all.
  const docs = await models.Task.collection.find(open, { projection: { _id: 1, assigneeId: 1 } }).toArray();
  if (docs.length > 0)
    await models.Task.collection.bulkWrite(
      docs.map((d) => ({
        updateOne: { filter: { _id: d._id, ...open }, update: { $set: { openAssigneeId: d.assigneeId } } },
      })),
      { ordered: false },
    );
  await models.Counter.collection.updateOne(
    { _id: DONE_MARKER._id as never },
    { $setOnInsert: DONE_MARKER },
    { upsert: true },
  );
  return docs.length;
}
