import { Schema, type Types } from 'mongoose';

/** 客户: one per won lead (unique by lead), listed in its owner's and team's scope, newest first. */
export type CustomerDoc = {
  _id: Types.ObjectId;
  orgId: Types.ObjectId;
  leadId?: Types.ObjectId;
  intakeName?: string;
  leadCode?: string;
  name: string;
  company?: string;
  /** The lead's contacts as core gave them (plain sub-documents). */
  contacts: Record<string, unknown>[];
  ownerId?: Types.ObjectId;
  ownerName?: string;
  teamId?: Types.ObjectId;
  createdAt: Date;
};

export const customerSchema = new Schema<CustomerDoc>(
  {
    orgId: { type: Schema.Types.ObjectId, required: true },
    leadId: Schema.Types.ObjectId,
    intakeName: String,
    leadCode: String,
    name: { type: String, required: true },
    company: String,
    contacts: { type: Schema.Types.Mixed, default: [] },
    ownerId: Schema.Types.ObjectId,
    ownerName: String,
    teamId: Schema.Types.ObjectId,
    createdAt: { type: Date, required: true },
  },
  { collection: 'customers', versionKey: false },
);
// The lead is the customer's unique key: finishing one 成交 twice (a retry, the sweep) cannot make a second one.
// Partial, since a customer made by an order's intake has no lead (it replaces `customer_lead`, which was not).
customerSchema.index(
  { orgId: 1, leadId: 1 },
  { unique: true, name: 'customer_lead_once', partialFilterExpression: { leadId: { $exists: true } } },
);
// An order intake's new company: two intakes at once (two import runs, a retry) make one customer.
customerSchema.index(
  { orgId: 1, intakeName: 1 },
  { unique: true, name: 'customer_intake_name', partialFilterExpression: { intakeName: { $exists: true } } },
);
// An order intake finds its customer by company name.
customerSchema.index({ orgId: 1, name: 1, _id: 1 });
/** Indexes an older version declared that this one replaces: dropped at start-up (ensureIndexes). */
export const RETIRED_CUSTOMER_INDEXES = ['customer_lead'] as const;
// The scoped lists, newest first: all (directors), a rep's own, a manager's teams'.
customerSchema.index({ orgId: 1, _id: -1 });
// Exports (storage/exports): the org's customers in the order they became customers.
customerSchema.index({ orgId: 1, createdAt: 1, _id: 1 }, { name: 'customer_export_created' });
customerSchema.index({ orgId: 1, ownerId: 1, _id: -1 });
customerSchema.index({ orgId: 1, teamId: 1, _id: -1 });
