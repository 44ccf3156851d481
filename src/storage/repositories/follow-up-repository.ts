import { Types } from 'mongoose';
import type { FollowUp } from '../../core/follow-ups/follow-up-types.js';
import type { FollowUpInsertConflict, FollowUpRepository, NewFollowUp } from '../../core/follow-ups/ports.js';
import {
  customerId,
  type FollowUpId,
  followUpId,
  leadId,
  memberId,
  type OrgId,
  orgId,
} from '../../core/shared/ids.js';
import type { FollowUpDoc } from '../models/follow-up-model.js';
import type { Models } from '../models.js';
import { mustObjectId, toObjectId } from '../object-id.js';

function toDoc(record: NewFollowUp, id: Types.ObjectId): FollowUpDoc {
  const {
    orgId: org,
    recordId,
    leadId: lead,
    customerId: customer,
    authorId,
    correctedById,
    ...rest
  } = record;
  return {
    ...rest,
    _id: id,
    orgId: mustObjectId(org),
    recordId: recordId ? mustObjectId(recordId) : id,
    leadId: mustObjectId(lead),
    ...(customer ? { customerId: mustObjectId(customer) } : {}),
    authorId: mustObjectId(authorId),
    ...(correctedById ? { correctedById: mustObjectId(correctedById) } : {}),
  };
}

function fromDoc(doc: FollowUpDoc): FollowUp {
  const {
    _id,
    orgId: org,
    recordId,
    leadId: lead,
    customerId: customer,
    authorId,
    correctedById,
    ...rest
  } = doc;
  const optional = (
    [
      'outcome',
      'nextStep',
      'nextContactAt',
      'correctedAt',
      'correctedByName',
      'supersededAt',
      'requestKey',
    ] as const
  ).filter((k) => rest[k] !== undefined && rest[k] !== null);
  return {
    id: followUpId(_id.toHexString()),
    orgId: orgId(org.toHexString()),
    recordId: followUpId(recordId.toHexString()),
    version: rest.version,
    leadId: leadId(lead.toHexString()),
    ...(customer ? { customerId: customerId(customer.toHexString()) } : {}),
    channel: rest.channel,
    content: rest.content ?? '',
    authorId: memberId(authorId.toHexString()),
    authorName: rest.authorName,
    at: rest.at,
    ...(correctedById ? { correctedById: memberId(correctedById.toHexString()) } : {}),
    ...Object.fromEntries(optional.map((k) => [k, rest[k]])),
  };
}

// Which unique index refused an insert: the request key (a retry) or the version (a correction raced).
const conflictOf = (error: unknown): FollowUpInsertConflict | undefined => {
  const e = error as { code?: number; errmsg?: string; message?: string };
  if (e.code !== 11000) return undefined;
  const text = e.errmsg ?? e.message ?? '';
  if (text.includes('follow_up_request')) return 'replay';
  if (text.includes('follow_up_version')) return 'version';
  return undefined;
};

/** The follow-up records on their own collection (`follow_ups`): each method is one database command. */
export function mongoFollowUpRepository(models: Models): FollowUpRepository {
  const Model = models.FollowUp;
  const byId = (org: OrgId, id: string) => {
    const _id = toObjectId(id);
    return _id ? { orgId: mustObjectId(org), _id } : undefined;
  };
  return {
    async insert(record) {
      const doc = toDoc(record, new Types.ObjectId());
      try {
        // The driver's insert, one command: mongoose's create would validate and cast again what core checked.
        await Model.collection.insertOne(doc);
        return { followUp: fromDoc(doc) };
      } catch (error) {
        const conflict = conflictOf(error);
        if (conflict) return { conflict };
        throw error;
      }
    },
    async get(org, id) {
      const filter = byId(org, id);
      const doc = filter ? await Model.findOne(filter).lean<FollowUpDoc>() : null;
      return doc ? fromDoc(doc) : undefined;
    },
    async findByRequestKey(org, requestKey) {
      const doc = await Model.findOne({ orgId: mustObjectId(org), requestKey }).lean<FollowUpDoc>();
      return doc ? fromDoc(doc) : undefined;
    },
    async listByLead(org, lead, query) {
      const _lead = toObjectId(lead);
      if (!_lead) return [];
      const docs = await Model.find({
        orgId: mustObjectId(org),
        leadId: _lead,
        ...(query.versions === 'current' ? { supersededAt: { $exists: false } } : {}),
      })
        .sort({ at: -1, recordId: -1, version: -1 })
        .limit(query.limit)
        .lean<FollowUpDoc[]>();
      return docs.map(fromDoc);
    },
    async versionsOf(org, recordId: FollowUpId) {
      const _record = toObjectId(recordId);
      if (!_record) return [];
      const docs = await Model.find({ orgId: mustObjectId(org), recordId: _record })
        .sort({ version: 1 })
        .lean<FollowUpDoc[]>();
      return docs.map(fromDoc);
    },
    async supersede(org, id, at) {
      const filter = byId(org, id);
      if (!filter) return false;
      const result = await Model.updateOne(
        { ...filter, supersededAt: { $exists: false } },
        { $set: { supersededAt: at } },
      );
      return result.modifiedCount === 1;
    },
    async remove(org, id) {
      const filter = byId(org, id);
      if (filter) await Model.deleteOne(filter);
    },
  };
}
