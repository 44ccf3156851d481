import type { Card } from '../../chat/card.js';
import type {
  NewSandboxMessage,
  SandboxImage,
  SandboxMessage,
  SandboxStore,
} from '../../chat/sandbox-store-port.js';
import type { SandboxMessageDoc } from '../models/sandbox-message-model.js';
import type { Models } from '../models.js';
import { toObjectId } from '../object-id.js';

function toMessage(doc: SandboxMessageDoc): SandboxMessage {
  return {
    id: doc._id.toHexString(),
    conversation: doc.conversation,
    ...(doc.thread ? { thread: doc.thread } : {}),
    from: {
      kind: doc.from.kind,
      name: doc.from.name,
      ...(doc.from.memberId ? { memberId: doc.from.memberId } : {}),
    },
    ...(doc.text !== undefined && doc.text !== null ? { text: doc.text } : {}),
    ...(doc.card ? { card: doc.card as unknown as Card } : {}),
    ...(doc.images?.length ? { images: doc.images } : {}),
    ...(doc.file ? { file: doc.file } : {}),
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}

const workspace = (workspaceId: string) => {
  const id = toObjectId(workspaceId);
  if (!id) throw new Error(`sandbox workspace ids are org ids, got ${workspaceId}`);
  return id;
};

/** `retentionMs`: how long after its last change a message is kept; without it, for ever. */
export function mongoSandboxStore(models: Models, retentionMs?: number): SandboxStore {
  const { SandboxMessage: Message } = models;
  const expiry = (at: Date) =>
    retentionMs === undefined ? {} : { expiresAt: new Date(at.getTime() + retentionMs) };
  return {
    async post(workspaceId: string, message: NewSandboxMessage, at: Date) {
      const orgId = workspace(workspaceId);
      const fields = { ...message, orgId, createdAt: at, updatedAt: at, ...expiry(at) };
      if (!message.idempotencyKey) return toMessage((await Message.create(fields)).toObject());
      // Upsert on the key: a delivery retried after a crash finds the message it already made.
      const doc = await Message.findOneAndUpdate(
        { orgId, idempotencyKey: message.idempotencyKey },
        { $setOnInsert: fields },
        { upsert: true, returnDocument: 'after' },
      ).lean<SandboxMessageDoc>();
      return toMessage(doc!);
    },
    async update(
      workspaceId: string,
      messageId: string,
      content: { text?: string; card?: Card; images?: readonly SandboxImage[] },
      at: Date,
    ) {
      const _id = toObjectId(messageId);
      if (!_id) return false;
      const result = await Message.updateOne(
        { _id, orgId: workspace(workspaceId) },
        { $set: { ...content, updatedAt: at, ...expiry(at) } },
      );
      return result.matchedCount === 1;
    },
    async get(workspaceId: string, messageId: string) {
      const _id = toObjectId(messageId);
      const doc = _id
        ? await Message.findOne({ _id, orgId: workspace(workspaceId) }).lean<SandboxMessageDoc>()
        : null;
      return doc ? toMessage(doc) : undefined;
    },
    async list(workspaceId: string, conversations: readonly string[], limit: number) {
      const docs = await Message.find({
        orgId: workspace(workspaceId),
        conversation: { $in: [...conversations] },
      })
        .sort({ createdAt: -1, _id: -1 })
        .limit(limit)
        .lean<SandboxMessageDoc[]>();
      return docs.reverse().map(toMessage);
    },
  };
}
