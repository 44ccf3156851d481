import { Types } from 'mongoose';
import { HISTORY_LIMIT } from '../../core/after-sales/after-sales-types.js';
import type {
  ComplaintChange,
  ComplaintCondition,
  ComplaintRepository,
} from '../../core/after-sales/ports.js';
import type { ComplaintDoc } from '../models/complaint-model.js';
import type { Models } from '../models.js';
import { isDuplicateKeyError, mustObjectId, toObjectId } from '../object-id.js';
import { complaintFieldsToDoc, complaintFromDoc } from './complaint-mapping.js';

/** A change as one update: `$set`, `$unset`, the history `$push` cut to its newest, the version (and round) `$inc`. */
function changeToUpdate(change: ComplaintChange): Record<string, unknown> {
  const set = complaintFieldsToDoc(change.set);
  return {
    ...(Object.keys(set).length ? { $set: set } : {}),
    ...(change.unset?.length ? { $unset: Object.fromEntries(change.unset.map((k) => [k, ''])) } : {}),
    ...(change.entry ? { $push: { history: { $each: [change.entry], $slice: -HISTORY_LIMIT } } } : {}),
    $inc: { version: 1, ...(change.bumpRound ? { round: 1 } : {}) },
  };
}

const statusFilter = (s: ComplaintCondition['status']) => (typeof s === 'string' ? s : { $in: [...s] });

/** Complaints in MongoDB; every query carries the org, the sweep excepted (it reads its partial index). */
export function mongoComplaintRepository(models: Pick<Models, 'Complaint'>): ComplaintRepository {
  const col = models.Complaint.collection;
  const one = async (filter: Record<string, unknown>) => {
    const doc = await col.findOne(filter);
    return doc ? complaintFromDoc(doc as unknown as ComplaintDoc) : undefined;
  };
  return {
    async insert(record) {
      const doc = { _id: new Types.ObjectId(), ...complaintFieldsToDoc(record) };
      try {
        await col.insertOne(doc as never);
      } catch (error) {
        if (isDuplicateKeyError(error)) return { conflict: 'replay' as const };
        throw error;
      }
      return { complaint: complaintFromDoc(doc as unknown as ComplaintDoc) };
    },
    async get(org, id) {
      const _id = toObjectId(id);
      return _id ? one({ _id, orgId: mustObjectId(org) }) : undefined;
    },
    findByCode: (org, code) => one({ orgId: mustObjectId(org), code }),
    findByRequestKey: (org, requestKey) => one({ orgId: mustObjectId(org), requestKey }),
    async list(org, q) {
      const filter: Record<string, unknown> = { orgId: mustObjectId(org) };
      if (q.status) filter.status = q.status;
      if (q.customerId) filter.customerId = toObjectId(q.customerId) ?? null;
      if (q.customerOwnerId) filter.customerOwnerId = toObjectId(q.customerOwnerId) ?? null;
      // Ids that are no ObjectId are dropped, not turned into null (which would match the complaints with no
      // owner); an empty list matches nothing, as it should: a scope of nobody's customers.
      if (q.customerOwnerIds)
        filter.customerOwnerId = { $in: q.customerOwnerIds.flatMap((id) => toObjectId(id) ?? []) };
      if (q.assigneeId) filter.assigneeId = toObjectId(q.assigneeId) ?? null;
      const docs = await col.find(filter).sort({ _id: -1 }).limit(q.limit).toArray();
      return docs.map((d) => complaintFromDoc(d as unknown as ComplaintDoc));
    },
    async updateIf(org, id, condition, change) {
      const _id = toObjectId(id);
      if (!_id) return undefined;
      const doc = await col.findOneAndUpdate(
        {
          _id,
          orgId: mustObjectId(org),
          status: statusFilter(condition.status),
          ...(condition.round !== undefined ? { round: condition.round } : {}),
        },
        changeToUpdate(change),
        { returnDocument: 'after' },
      );
      return doc ? complaintFromDoc(doc as unknown as ComplaintDoc) : undefined;
    },
    async findTaskPending(before, limit) {
      const docs = await col
        .find({ taskPendingAt: { $lte: before } })
        .sort({ taskPendingAt: 1 })
        .limit(limit)
        .toArray();
      return docs.map((d) => complaintFromDoc(d as unknown as ComplaintDoc));
    },
  };
}
