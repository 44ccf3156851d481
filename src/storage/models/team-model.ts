import { Schema, type Types } from 'mongoose';

export type TeamDoc = {
  _id: Types.ObjectId;
  orgId: Types.ObjectId;
  name: string;
  managerId?: Types.ObjectId;
  channelId: string;
};

export const teamSchema = new Schema<TeamDoc>(
  {
    orgId: { type: Schema.Types.ObjectId, required: true },
    name: { type: String, required: true },
    managerId: { type: Schema.Types.ObjectId },
    channelId: { type: String, required: true },
  },
  { collection: 'teams', versionKey: false },
);
teamSchema.index({ orgId: 1, name: 1 }, { unique: true });
