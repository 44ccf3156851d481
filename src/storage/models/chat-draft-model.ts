import { Schema, type Types } from 'mongoose';

/** A member's unfinished chat exchange (chat/drafts): one per org, member and conversation. */
export type ChatDraftDoc = {
  _id: Types.ObjectId;
  draftId: string;
  orgId: Types.ObjectId;
  memberId: Types.ObjectId;
  conversation: string;
  kind: string;
  data: Record<string, string>;
  asking: string;
  expiresAt: Date;
  /** Real time, for the TTL index (which runs on the database server's clock, never the app's movable one). */
  purgeAt: Date;
};

export const chatDraftSchema = new Schema<ChatDraftDoc>(
  {
    draftId: { type: String, required: true },
    orgId: { type: Schema.Types.ObjectId, required: true },
    memberId: { type: Schema.Types.ObjectId, required: true },
    conversation: { type: String, required: true },
    kind: { type: String, required: true },
    data: { type: Schema.Types.Mixed, required: true, default: {} },
    asking: { type: String, required: true },
    expiresAt: { type: Date, required: true },
    purgeAt: { type: Date, required: true },
  },
  { collection: 'chat_drafts', versionKey: false, minimize: false },
);
// One draft per member and conversation: saving replaces, taking is one findOneAndDelete on this key.
chatDraftSchema.index({ orgId: 1, memberId: 1, conversation: 1 }, { unique: true });
/**
 * Kept a day past the app's own expiry, so an answer that comes late is told "expired" rather than "unknown
 * command"; then the database drops it.
 */
export const CHAT_DRAFT_PURGE_AFTER_MS = 24 * 3_600_000;
chatDraftSchema.index({ purgeAt: 1 }, { expireAfterSeconds: 0 });
