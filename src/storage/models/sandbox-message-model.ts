import { Schema, type Types } from 'mongoose';

/** A message in the sandbox workspace: the embedded chat platform's own store. */
export type SandboxMessageDoc = {
  _id: Types.ObjectId;
  orgId: Types.ObjectId;
  /** `dm:<memberId>` or `channel:<channelId>`. */
  conversation: string;
  /** The root message's id when this is a reply in a thread. */
  thread?: string;
  from: { kind: 'bot' | 'member'; memberId?: string; name: string };
  text?: string;
  card?: Record<string, unknown>;
  /** The card's images as data URLs (the sandbox's "upload"), shown inline by the page. */
  images?: readonly { src: string; alt: string; width: number; height: number }[];
  /** A file message: its name and the signed link the page offers (the bytes stay in the file store). */
  file?: { name: string; url: string };
  idempotencyKey?: string;
  createdAt: Date;
  updatedAt: Date;
  /** MongoDB removes the message after this moment: SANDBOX_MESSAGE_TTL_DAYS after its last change. */
  expiresAt?: Date;
};

export const sandboxMessageSchema = new Schema<SandboxMessageDoc>(
  {
    orgId: { type: Schema.Types.ObjectId, required: true },
    conversation: { type: String, required: true },
    thread: { type: String },
    from: {
      kind: { type: String, enum: ['bot', 'member'], required: true },
      memberId: { type: String },
      name: { type: String, required: true },
    },
    text: { type: String },
    card: { type: Schema.Types.Mixed },
    images: { type: Schema.Types.Mixed },
    file: { type: Schema.Types.Mixed },
    idempotencyKey: { type: String },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    expiresAt: { type: Date },
  },
  { collection: 'sandbox_messages', versionKey: false },
);
// The page asks "what can this member see": by conversation, newest first.
sandboxMessageSchema.index({ orgId: 1, conversation: 1, createdAt: 1 });
// A resent outbox entry lands on the same message instead of a second one.
sandboxMessageSchema.index(
  { orgId: 1, idempotencyKey: 1 },
  { unique: true, partialFilterExpression: { idempotencyKey: { $exists: true } } },
);
// The sandbox is a demo: its messages expire a while after their last change. https://www.mongodb.com/docs/manual/core/index-ttl/
sandboxMessageSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });
