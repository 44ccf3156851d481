import { Types } from 'mongoose';
import type { FollowUp } from '../../core/follow-ups/follow-up-types.js';
import type { FollowUpInsertConflict, FollowUpRepository, NewFollowUp } from '../../core/follow-ups/ports.js';
import type { FollowUpId, OrgId } from '../../core/shared/ids.js';
import type { FollowUpDoc } from '../models/follow-up-model.js';
import type { Models } from '../models.js';
import { mustObjectId, toObjectId } from '../object-id.js';

// The fields stored as they are (strings, numbers, dates); the ids are ObjectIds in the document, hex in core.
const PLAIN = [
  'version',
  'channel',
  'content',
  'outcome',
  'nextStep',
  'nextContactAt',
  'authorName',
  'at',
  'correctedAt',
  'correctedByName',
  'supersededAt',
  'requestKey',
] as const;
const IDS = ['orgId', 'recordId', 'leadId', 'customerId', 'authorId', 'correctedById'] as const;

const pick = (from: object, keys: readonly string[]) =>
  Object.fromEntries(
    keys.flatMap((k) => {
      const v = (from as Record<string, unknown>)[k];
      return v === undefined || v === null ? [] : [[k, v]];
    }),
  );

function toDoc(record: NewFollowUp, id: Types.ObjectId): FollowUpDoc {
  const ids = Object.fromEntries(
    IDS.flatMap((k) =>
      record[k as keyof NewFollowUp] ? [[k, mustObjectId(String(record[k as keyof NewFollowUp]))]] : [],
    ),
  );
  return { ...pick(record, PLAIN), ...ids, recordId: ids.recordId ?? id, _id: id } as FollowUpDoc;
}

function fromDoc(doc: FollowUpDoc): FollowUp {
  const ids = Object.fromEntries(
    IDS.flatMap((k) => (doc[k] ? [[k, (doc[k] as Types.ObjectId).toHexString()]] : [])),
  );
  // Branded ids are strings at run time: the hex of each ObjectId is the id core knows.
  return { content: '', ...pick(doc, PLAIN), ...ids, id: doc._id.toHexString() } as FollowUp;
}

/** The same mapping for the exports' reader (storage/exports). */
export const followUpFromDoc = fromDoc;

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
