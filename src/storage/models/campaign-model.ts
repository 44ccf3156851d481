import { Schema, type Types } from 'mongoose';

/** A campaign's cost (core/reports), entered by an admin or director; one document per org and campaign name. */
export type CampaignDoc = {
  _id: Types.ObjectId;
  orgId: Types.ObjectId;
  /** Exactly as the leads carry it in `campaign`. */
  name: string;
  cost: number;
  currency: string;
  updatedAt: Date;
  updatedById?: Types.ObjectId;
};

export const campaignSchema = new Schema<CampaignDoc>(
  {
    orgId: { type: Schema.Types.ObjectId, required: true },
    name: { type: String, required: true },
    cost: { type: Number, required: true },
    currency: { type: String, required: true },
    updatedAt: { type: Date, required: true },
    updatedById: Schema.Types.ObjectId,
  },
  { collection: 'campaigns', versionKey: false },
);
// One cost per campaign: setting it again is the same upsert (the last write wins).
campaignSchema.index({ orgId: 1, name: 1 }, { unique: true, name: 'campaign_name' });
