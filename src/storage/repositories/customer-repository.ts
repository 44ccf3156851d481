import { Types } from 'mongoose';
import type { Customer, CustomerRepository } from '../../core/customers/index.js';
import type { LeadContact } from '../../core/leads/index.js';
import { customerId, leadId, memberId, orgId, teamId } from '../../core/shared/ids.js';
import type { CustomerDoc } from '../models/customer-model.js';
import type { Models } from '../models.js';
import { mustObjectId, toObjectId } from '../object-id.js';

export function customerFromDoc(doc: CustomerDoc): Customer {
  return {
    id: customerId(doc._id.toHexString()),
    orgId: orgId(doc.orgId.toHexString()),
    name: doc.name,
    contacts: doc.contacts as LeadContact[],
    createdAt: doc.createdAt,
    ...(doc.leadId ? { leadId: leadId(doc.leadId.toHexString()) } : {}),
    ...(doc.intakeName ? { intakeName: doc.intakeName } : {}),
    ...(doc.leadCode ? { leadCode: doc.leadCode } : {}),
    ...(doc.company ? { company: doc.company } : {}),
    ...(doc.ownerId ? { ownerId: memberId(doc.ownerId.toHexString()) } : {}),
    ...(doc.ownerName ? { ownerName: doc.ownerName } : {}),
    ...(doc.teamId ? { teamId: teamId(doc.teamId.toHexString()) } : {}),
  };
}

function customerToDoc(c: Customer): CustomerDoc {
  return {
    _id: mustObjectId(c.id),
    orgId: mustObjectId(c.orgId),
    name: c.name,
    contacts: c.contacts.map((x) => ({ ...x })),
    createdAt: c.createdAt,
    ...(c.leadId ? { leadId: mustObjectId(c.leadId) } : {}),
    ...(c.intakeName ? { intakeName: c.intakeName } : {}),
    ...(c.leadCode ? { leadCode: c.leadCode } : {}),
    ...(c.company ? { company: c.company } : {}),
    ...(c.ownerId ? { ownerId: mustObjectId(c.ownerId) } : {}),
    ...(c.ownerName ? { ownerName: c.ownerName } : {}),
    ...(c.teamId ? { teamId: mustObjectId(c.teamId) } : {}),
  };
}

/** Customers in MongoDB; every query carries the org. */
export function mongoCustomerRepository(models: Pick<Models, 'Customer'>): CustomerRepository {
  const { Customer: Model } = models;
  const upsertOnce = async (doc: CustomerDoc, filter: Record<string, unknown>): Promise<Customer> => {
    const { _id, ...rest } = doc;
    try {
      const stored = await Model.collection.findOneAndUpdate(
        filter,
        { $setOnInsert: { _id, ...rest } },
        { upsert: true, returnDocument: 'after', sort: { _id: 1 } },
      );
      return customerFromDoc(stored as unknown as CustomerDoc);
    } catch (error) {
      // Two upserts at once may both try to insert; the loser (a unique index said no) reads the winner's.
      if ((error as { code?: number }).code !== 11000) throw error;
      const stored = await Model.collection.findOne(filter, { sort: { _id: 1 } });
      if (!stored) throw error;
      return customerFromDoc(stored as unknown as CustomerDoc);
    }
  };
  return {
    newId: () => customerId(new Types.ObjectId().toHexString()),
    async ensureForLead(customer) {
      const doc = customerToDoc(customer);
      // One upsert on the unique (orgId, leadId) index: the first run inserts, every later one reads it back.
      return upsertOnce(doc, { orgId: doc.orgId, leadId: doc.leadId });
    },
    async ensureByName(customer) {
      const doc = customerToDoc(customer);
      // Any customer of that name is the one (the oldest first); none: this one, its intakeName unique in the org.
      return upsertOnce(doc, { orgId: doc.orgId, name: doc.name });
    },
    async get(org, id) {
      const _id = toObjectId(id);
      const doc = _id ? await Model.collection.findOne({ _id, orgId: mustObjectId(org) }) : null;
      return doc ? customerFromDoc(doc as unknown as CustomerDoc) : undefined;
    },
    async list(org, q) {
      const scope: Record<string, unknown>[] = [];
      if (q.ownerId) scope.push({ ownerId: mustObjectId(q.ownerId) });
      if (q.teamIds?.length) scope.push({ teamId: { $in: q.teamIds.map(mustObjectId) } });
      const before = q.before ? toObjectId(q.before) : undefined;
      const filter = {
        orgId: mustObjectId(org),
        ...(scope.length === 1 ? scope[0] : scope.length > 1 ? { $or: scope } : {}),
        ...(before ? { _id: { $lt: before } } : {}),
      };
      const docs = await Model.collection.find(filter).sort({ _id: -1 }).limit(q.limit).toArray();
      return docs.map((d) => customerFromDoc(d as unknown as CustomerDoc));
    },
  };
}
