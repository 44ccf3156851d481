import { Schema, type Types } from 'mongoose';

/** 客户: one per won lead (unique by lead), listed in its owner's and team's scope, newest first. */
export type CustomerDoc = {
  _id: Types.ObjectId;
  orgId: Types.ObjectId;
  leadId: Types.ObjectId;
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
    leadId: { type: Schema.Types.ObjectId, required: true },
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
customerSchema.index({ orgId: 1, leadId: 1 }, { unique: true, name: 'customer_lead' });
// The scoped lists, newest first: all (directors), a rep's own, a manager's teams'.
customerSchema.index({ orgId: 1, _id: -1 });
customerSchema.index({ orgId: 1, ownerId: 1, _id: -1 });
customerSchema.index({ orgId: 1, teamId: 1, _id: -1 });
