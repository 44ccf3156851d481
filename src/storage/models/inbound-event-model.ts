import { Schema, type Types } from 'mongoose';

export type InboundEventDoc = {
  _id: Types.ObjectId;
  platform: string;
  eventId: string;
  receivedAt: Date;
  /** `started` while a handler runs (until `leaseUntil`), `done` after. Records from before leases have none: done. */
  state?: 'started' | 'done';
  /** Which attempt holds the lease, so a late abandon cannot end a newer attempt's lease. */
  attempt?: string;
  leaseUntil?: Date;
};

export const inboundEventSchema = new Schema<InboundEventDoc>(
  {
    platform: { type: String, required: true },
    eventId: { type: String, required: true },
    receivedAt: { type: Date, required: true },
    state: { type: String, enum: ['started', 'done'] },
    attempt: { type: String },
    leaseUntil: { type: Date },
  },
  { collection: 'inbound_events', versionKey: false },
);
// The unique index is what makes "first seen" atomic across instances.
inboundEventSchema.index({ platform: 1, eventId: 1 }, { unique: true });
// Platforms retry for minutes, not days: a week of memory is plenty and keeps the collection small.
inboundEventSchema.index({ receivedAt: 1 }, { expireAfterSeconds: 7 * 24 * 3600 });
