import { Schema, type Types } from 'mongoose';

export type OutboxEntryDoc = {
  _id: Types.ObjectId;
  orgId: Types.ObjectId;
  idempotencyKey: string;
  kind: string;
  data: Record<string, unknown>;
  to: Record<string, unknown>;
  cardKey?: string;
  /** The version of the content (Notice.seq); `dataSeq` is a queued post's, moved on when a newer update refreshes it. */
  seq?: number;
  dataSeq?: number;
  /** The burst the entry may be merged into at delivery (chat/outbox/coalesce-group.ts). */
  group?: string;
  /** Set on the group's entries leased together: the id of the entry whose delivery took them. */
  leasedBy?: string;
  mode: 'post' | 'update';
  status: 'pending' | 'sending' | 'sent' | 'dead';
  attempts: number;
  dueAt: Date;
  lastError?: string;
  /** A file message's upload (chat/outbox/deliver-file.ts), kept so a retry posts it without uploading again. */
  upload?: { fileId: string; ref: string };
  createdAt: Date;
  sentAt?: Date;
  /** Set when the entry is delivered (or superseded): MongoDB removes it after this moment. */
  expiresAt?: Date;
};

export const outboxEntrySchema = new Schema<OutboxEntryDoc>(
  {
    orgId: { type: Schema.Types.ObjectId, required: true },
    idempotencyKey: { type: String, required: true },
    kind: { type: String, required: true },
    data: { type: Schema.Types.Mixed, required: true },
    to: { type: Schema.Types.Mixed, required: true },
    cardKey: { type: String },
    seq: { type: Number },
    dataSeq: { type: Number },
    group: { type: String },
    leasedBy: { type: String },
    mode: { type: String, enum: ['post', 'update'], required: true },
    status: { type: String, enum: ['pending', 'sending', 'sent', 'dead'], required: true },
    attempts: { type: Number, default: 0 },
    dueAt: { type: Date, required: true },
    lastError: { type: String },
    upload: { type: new Schema({ fileId: String, ref: String }, { _id: false }) },
    createdAt: { type: Date, required: true },
    sentAt: { type: Date },
    expiresAt: { type: Date },
  },
  { collection: 'outbox', versionKey: false, minimize: false },
);
// The same notice published twice (a retried use-case) is stored once.
outboxEntrySchema.index({ orgId: 1, idempotencyKey: 1 }, { unique: true });
// The deliverer's lease query: due entries by status, oldest first.
outboxEntrySchema.index({ status: 1, dueAt: 1 });
// "Is a post of this card still on its way?" before an update is sent.
outboxEntrySchema.index({ orgId: 1, cardKey: 1, status: 1 });
// A burst's waiting entries, taken or held together at delivery (sparse: most entries have no group).
outboxEntrySchema.index({ orgId: 1, group: 1, status: 1, dueAt: 1 }, { sparse: true });
// Delivered entries expire (OUTBOX_SENT_TTL_DAYS, set per entry as expiresAt); pending and dead ones have none and
// stay. https://www.mongodb.com/docs/manual/core/index-ttl/ ("expire documents at a specific clock time")
outboxEntrySchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });
