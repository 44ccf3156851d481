import { Types } from 'mongoose';
import type { NewOrder, Order, OrderRepository } from '../../core/customers/index.js';
import { customerId, leadId, memberId, orderId, orgId, teamId } from '../../core/shared/ids.js';
import type { OrderDoc } from '../models/order-model.js';
import type { Models } from '../models.js';
import { isDuplicateKeyError, mustObjectId, toObjectId } from '../object-id.js';
import { mongoCounters } from './counter-repository.js';

/** The counter order numbers are drawn from (per org, as lead codes are). */
export const ORDER_NUMBER_SEQUENCE = 'order_number';
/** Numbers start here so the first ones have the length of the later ones (`SO-1001`). */
export const ORDER_NUMBER_BASE = 1000;
/** Drawn numbers an entered order took are skipped; this many in a row is more than a real org has. */
const NUMBER_ATTEMPTS = 20;
export const orderNumberOf = (counter: number): string => `SO-${ORDER_NUMBER_BASE + counter}`;

export function orderFromDoc(doc: OrderDoc): Order {
  return {
    id: orderId(doc._id.toHexString()),
    orgId: orgId(doc.orgId.toHexString()),
    number: doc.number,
    customerId: customerId(doc.customerId.toHexString()),
    amount: doc.amount,
    contractNo: doc.contractNo,
    signedAt: doc.signedAt,
    createdAt: doc.createdAt,
    ...(doc.leadId ? { leadId: leadId(doc.leadId.toHexString()) } : {}),
    ...(doc.requestKey ? { requestKey: doc.requestKey } : {}),
    ...(doc.items ? { items: doc.items } : {}),
    ...(doc.ownerId ? { ownerId: memberId(doc.ownerId.toHexString()) } : {}),
    ...(doc.ownerName ? { ownerName: doc.ownerName } : {}),
    ...(doc.teamId ? { teamId: teamId(doc.teamId.toHexString()) } : {}),
  };
}

function orderToDoc(o: NewOrder, number: string): OrderDoc {
  return {
    _id: mustObjectId(o.id),
    orgId: mustObjectId(o.orgId),
    number,
    customerId: mustObjectId(o.customerId),
    amount: o.amount,
    contractNo: o.contractNo,
    signedAt: o.signedAt,
    createdAt: o.createdAt,
    ...(o.leadId ? { leadId: mustObjectId(o.leadId) } : {}),
    ...(o.requestKey ? { requestKey: o.requestKey } : {}),
    ...(o.items ? { items: o.items } : {}),
    ...(o.ownerId ? { ownerId: mustObjectId(o.ownerId) } : {}),
    ...(o.ownerName ? { ownerName: o.ownerName } : {}),
    ...(o.teamId ? { teamId: mustObjectId(o.teamId) } : {}),
  };
}

/** Orders in MongoDB; every query carries the org. */
export function mongoOrderRepository(models: Pick<Models, 'Order' | 'Counter'>): OrderRepository {
  const { Order: Model } = models;
  const counters = mongoCounters(models);
  const findByContract = async (org: string, contractNo: string) => {
    const doc = await Model.collection.findOne({ orgId: mustObjectId(org), contractNo });
    return doc ? orderFromDoc(doc as unknown as OrderDoc) : undefined;
  };
  return {
    newId: () => orderId(new Types.ObjectId().toHexString()),
    findByContract,
    async ensure(order) {
      for (let attempt = 1; ; attempt++) {
        // Read first, so a finishing step run again (the sweep, a retry) takes no number; a lost race leaves a gap.
        const stored = await findByContract(order.orgId, order.contractNo);
        if (stored) return stored;
        const number = orderNumberOf(await counters.reserve(order.orgId, ORDER_NUMBER_SEQUENCE, 1));
        const doc = orderToDoc(order, number);
        try {
          await Model.collection.insertOne(doc);
          return orderFromDoc(doc);
        } catch (error) {
          if (!isDuplicateKeyError(error)) throw error;
          const winner = await findByContract(order.orgId, order.contractNo);
          if (winner) return winner;
          // Not the contract: the drawn number is one an order entered with its own number holds (`POST /orders`
          // took `SO-1005`, say), so the next number is drawn.
          if (attempt === NUMBER_ATTEMPTS) throw error;
        }
      }
    },
    async findClashes(org, keys) {
      const or: Record<string, string>[] = [{ number: keys.number }, { contractNo: keys.contractNo }];
      if (keys.requestKey) or.push({ requestKey: keys.requestKey });
      const docs = await Model.collection
        .find({ orgId: mustObjectId(org), $or: or })
        .limit(3)
        .toArray();
      return docs.map((d) => orderFromDoc(d as unknown as OrderDoc));
    },
    async insertNumbered(order) {
      const doc = orderToDoc(order, order.number);
      try {
        await Model.collection.insertOne(doc);
        return { order: orderFromDoc(doc) };
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
        return { clash: true };
      }
    },
    async get(org, id) {
      const _id = toObjectId(id);
      const doc = _id ? await Model.collection.findOne({ _id, orgId: mustObjectId(org) }) : null;
      return doc ? orderFromDoc(doc as unknown as OrderDoc) : undefined;
    },
    async listByCustomer(org, customer, limit) {
      const _id = toObjectId(customer);
      if (!_id) return [];
      const docs = await Model.collection
        .find({ orgId: mustObjectId(org), customerId: _id })
        .sort({ _id: -1 })
        .limit(limit)
        .toArray();
      return docs.map((d) => orderFromDoc(d as unknown as OrderDoc));
    },
  };
}
