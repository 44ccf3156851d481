import { Schema, type Types } from 'mongoose';

/** 订单: one per won deal, numbered per org (`SO-1001`), unique by contract number in the org. */
export type OrderDoc = {
  _id: Types.ObjectId;
  orgId: Types.ObjectId;
  number: string;
  customerId: Types.ObjectId;
  leadId?: Types.ObjectId;
  requestKey?: string;
  items?: string;
  amount: number;
  contractNo: string;
  signedAt: Date;
  ownerId?: Types.ObjectId;
  ownerName?: string;
  teamId?: Types.ObjectId;
  createdAt: Date;
};

export const orderSchema = new Schema<OrderDoc>(
  {
    orgId: { type: Schema.Types.ObjectId, required: true },
    number: { type: String, required: true },
    customerId: { type: Schema.Types.ObjectId, required: true },
    leadId: Schema.Types.ObjectId,
    requestKey: String,
    items: String,
    amount: { type: Number, required: true },
    contractNo: { type: String, required: true },
    signedAt: { type: Date, required: true },
    ownerId: Schema.Types.ObjectId,
    ownerName: String,
    teamId: Schema.Types.ObjectId,
    createdAt: { type: Date, required: true },
  },
  { collection: 'orders', versionKey: false },
);
// A contract is sold once: the order's idempotency key, and the refusal of a second lead claiming it.
orderSchema.index({ orgId: 1, contractNo: 1 }, { unique: true, name: 'order_contract' });
// What complaints and people type (`SO-1001`).
orderSchema.index({ orgId: 1, number: 1 }, { unique: true, name: 'order_number' });
// An entered order's Idempotency-Key (or import row key): a replay finds the order it made.
orderSchema.index(
  { orgId: 1, requestKey: 1 },
  { unique: true, name: 'order_request_key', partialFilterExpression: { requestKey: { $exists: true } } },
);
// A customer's orders, newest first.
orderSchema.index({ orgId: 1, customerId: 1, _id: -1 });
// Exports (storage/exports): the org's orders by signing date, a period of them a range of this index.
orderSchema.index({ orgId: 1, signedAt: 1, _id: 1 }, { name: 'order_export_signed' });
