import { Schema, type Types } from 'mongoose';

export type SentMessageDoc = {
  _id: Types.ObjectId;
  orgId: Types.ObjectId;
  cardKey?: string;
  to: Record<string, unknown>;
  platform: string;
  workspaceId: string;
  target: Record<string, unknown>;
  messageRef: string;
  idempotencyKey: string;
  sentAt: Date;
  /** MongoDB removes the record after this moment (SENT_MESSAGE_TTL_DAYS after it was sent). */
  expiresAt?: Date;
};

export const sentMessageSchema = new Schema<SentMessageDoc>(
  {
    orgId: { type: Schema.Types.ObjectId, required: true },
    cardKey: { type: String },
    to: { type: Schema.Types.Mixed, required: true },
    platform: { type: String, required: true },
    workspaceId: { type: String, required: true },
    target: { type: Schema.Types.Mixed, required: true },
    messageRef: { type: String, required: true },
    idempotencyKey: { type: String, required: true },
    sentAt: { type: Date, required: true },
    expiresAt: { type: Date },
  },
  { collection: 'sent_messages', versionKey: false },
);
sentMessageSchema.index({ orgId: 1, idempotencyKey: 1 }, { unique: true });
// Card updates find every place a card was shown by its key.
sentMessageSchema.index({ orgId: 1, cardKey: 1 });
// Where a card was shown is kept SENT_MESSAGE_TTL_DAYS, after which the card is no longer updated in place.
// https://www.mongodb.com/docs/manual/core/index-ttl/
sentMessageSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });
