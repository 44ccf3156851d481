import { Schema, type Types } from 'mongoose';

export type InboundEventDoc = { _id: Types.ObjectId; platform: string; eventId: string; receivedAt: Date };

export const inboundEventSchema = new Schema<InboundEventDoc>(
  {
    platform: { type: String, required: true },
    eventId: { type: String, required: true },
    receivedAt: { type: Date, required: true },
  },
  { collection: 'inbound_events', versionKey: false },
);
// The unique index is what makes "first seen" atomic across instances.
inboundEventSchema.index({ platform: 1, eventId: 1 }, { unique: true });
// Platforms retry for minutes, not days: a week of memory is plenty and keeps the collection small.
inboundEventSchema.index({ receivedAt: 1 }, { expireAfterSeconds: 7 * 24 * 3600 });
