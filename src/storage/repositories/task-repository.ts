import { Types } from 'mongoose';
import {
  HISTORY_LIMIT,
  OPEN_TASK_STATUSES,
  type TaskStatus,
} from '../../core/after-sales/after-sales-types.js';
import type { TaskChange, TaskRepository } from '../../core/after-sales/ports.js';
import type { TaskDoc } from '../models/task-model.js';
import type { Models } from '../models.js';
import { isDuplicateKeyError, mustObjectId, toObjectId } from '../object-id.js';
import { type StaffRow, staffFromRow, staffStages } from './after-sales-staff.js';
import { taskFieldsToDoc, taskFromDoc } from './task-mapping.js';

const isOpen = (status: TaskStatus) => OPEN_TASK_STATUSES.includes(status);

function changeToUpdate(change: TaskChange): Record<string, unknown> {
  const set: Record<string, unknown> = taskFieldsToDoc(change.set);
  // A new assignee of an open task (a leaver's task handed over, core/offboarding) is counted as theirs from now.
  if (set.assigneeId && (!change.set.status || isOpen(change.set.status)))
    set.openAssigneeId = set.assigneeId;
  // `openAssigneeId` (the centre's open counts join on it) goes when the task is done; approved is final (a
  // reopened complaint makes a new task), so no write ever has to bring it back.
  const unset = [
    ...(change.unset ?? []),
    ...(change.set.status && !isOpen(change.set.status) ? ['openAssigneeId'] : []),
  ];
  return {
    ...(Object.keys(set).length ? { $set: set } : {}),
    ...(unset.length ? { $unset: Object.fromEntries(unset.map((k) => [k, ''])) } : {}),
    ...(change.entry ? { $push: { history: { $each: [change.entry], $slice: -HISTORY_LIMIT } } } : {}),
    $inc: { version: 1 },
  };
}

const fromDoc = (doc: unknown) => taskFromDoc(doc as TaskDoc);

/** Tasks in MongoDB; every query carries the org, the SLA sweep excepted (it reads its partial index). */
export function mongoTaskRepository(models: Pick<Models, 'Task' | 'Member'>): TaskRepository {
  const col = models.Task.collection;
  const one = async (filter: Record<string, unknown>) => {
    const doc = await col.findOne(filter);
    return doc ? fromDoc(doc) : undefined;
  };
  return {
    async insert(record) {
      const fields = taskFieldsToDoc(record);
      const open = isOpen(record.status) ? { openAssigneeId: fields.assigneeId } : {};
      const doc = { _id: new Types.ObjectId(), ...fields, ...open, version: 1 };
      try {
        await col.insertOne(doc as never);
        return { task: fromDoc(doc), created: true };
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
        // The assignment's task is there already (a retry, the sweep): it is the answer.
        const stored = await one({
          orgId: mustObjectId(record.orgId),
          complaintId: mustObjectId(record.complaintId),
          round: record.round,
        });
        if (!stored) throw error;
        return { task: stored, created: false };
      }
    },
    async get(org, id) {
      const _id = toObjectId(id);
      return _id ? one({ _id, orgId: mustObjectId(org) }) : undefined;
    },
    findByCode: (org, code) => one({ orgId: mustObjectId(org), code }),
    async list(org, q) {
      const filter: Record<string, unknown> = { orgId: mustObjectId(org) };
      if (q.assigneeId) filter.assigneeId = toObjectId(q.assigneeId) ?? null;
      if (q.statuses) filter.status = { $in: [...q.statuses] };
      const docs = await col.find(filter).sort({ dueAt: 1 }).limit(q.limit).toArray();
      return docs.map(fromDoc);
    },
    async updateIf(org, id, version, change) {
      const _id = toObjectId(id);
      if (!_id) return undefined;
      const doc = await col.findOneAndUpdate(
        { _id, orgId: mustObjectId(org), version },
        changeToUpdate(change),
        {
          returnDocument: 'after',
        },
      );
      return doc ? fromDoc(doc) : undefined;
    },
    async staffLoads(org) {
      const rows = await models.Member.collection
        .aggregate<StaffRow>([{ $match: { orgId: mustObjectId(org) } }, ...staffStages(models)])
        .toArray();
      return rows.map(staffFromRow);
    },
    async findSlaDue(now, limit) {
      const docs = await col
        .find({ slaDueAt: { $lte: now } })
        .sort({ slaDueAt: 1 })
        .limit(limit)
        .toArray();
      return docs.map(fromDoc);
    },
  };
}
