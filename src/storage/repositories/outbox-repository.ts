import type { Types } from 'mongoose';
import { coalesceGroupOf } from '../../chat/outbox/coalesce-group.js';
import type { OutboxEntry, OutboxStore, SentMessage } from '../../chat/outbox/outbox-store.js';
import { type OrgId, orgId } from '../../core/shared/ids.js';
import type { Notice } from '../../core/shared/notices.js';
import type { OutboxEntryDoc } from '../models/outbox-entry-model.js';
import type { SentMessageDoc } from '../models/sent-message-model.js';
import type { Models } from '../models.js';
import { isDuplicateKeyError, mustObjectId } from '../object-id.js';

function toEntry(doc: OutboxEntryDoc): OutboxEntry {
  return {
    id: doc._id.toHexString(),
    orgId: orgId(doc.orgId.toHexString()),
    kind: doc.kind,
    data: doc.data,
    to: doc.to,
    ...(doc.cardKey ? { cardKey: doc.cardKey } : {}),
    ...(doc.group ? { group: doc.group } : {}),
    mode: doc.mode,
    idempotencyKey: doc.idempotencyKey,
    status: doc.status,
    attempts: doc.attempts,
    dueAt: doc.dueAt,
    ...(doc.lastError ? { lastError: doc.lastError } : {}),
    ...(doc.upload?.fileId && doc.upload.ref
      ? { upload: { fileId: doc.upload.fileId, ref: doc.upload.ref } }
      : {}),
  } as OutboxEntry;
}

function toSent(doc: SentMessageDoc): SentMessage {
  return {
    orgId: orgId(doc.orgId.toHexString()),
    ...(doc.cardKey ? { cardKey: doc.cardKey } : {}),
    to: doc.to as SentMessage['to'],
    platform: doc.platform as SentMessage['platform'],
    workspaceId: doc.workspaceId,
    target: doc.target as SentMessage['target'],
    messageRef: doc.messageRef,
    idempotencyKey: doc.idempotencyKey,
  };
}

/**
 * Inserts unordered, so a notice already stored (a retried use-case) is skipped while the others still go in.
 * Returns the positions of the documents that were new.
 */
async function insertNew(Entry: Models['OutboxEntry'], docs: readonly object[]): Promise<Set<number>> {
  const all = new Set(docs.map((_, i) => i));
  try {
    // Through the driver: the notices were typed by core, and mongoose's per-document validation and casting was the
    // largest CPU cost of intake (npm run bench). Undefined fields are left out, as mongoose would.
    await Entry.collection.insertMany(docs as object[], { ordered: false, ignoreUndefined: true });
    return all;
  } catch (error) {
    const writeErrors = (
      error as { writeErrors?: { index?: number; code?: number; err?: { index?: number; code?: number } }[] }
    ).writeErrors;
    if (!writeErrors) {
      if (isDuplicateKeyError(error) && docs.length === 1) return new Set();
      throw error;
    }
    for (const e of writeErrors) {
      if ((e.code ?? e.err?.code) !== 11000) throw error;
      all.delete(e.index ?? e.err?.index ?? -1);
    }
    return all;
  }
}

type Delivered = { expiresAt?: Date };

/**
 * What a newer update of a card does to the queue: a post still queued shows the newest content when it goes out
 * (so it need not be updated right after), and an older update still waiting (say, for a retry) must not land
 * after this one and show stale content. With `seq`, "older" is by content version, so running these for a
 * notice that was already stored (a retry) changes nothing; without it, only for notices stored just now.
 */
function supersedeOps(o: Types.ObjectId, n: Notice, delivered: Delivered): object[] {
  const seq = n.seq;
  const olderPost =
    seq === undefined ? {} : { $or: [{ dataSeq: { $lt: seq } }, { dataSeq: { $exists: false } }] };
  const olderUpdate =
    seq === undefined
      ? { idempotencyKey: { $ne: n.idempotencyKey } }
      : {
          $or: [
            { seq: { $lt: seq } },
            { seq: { $exists: false }, idempotencyKey: { $ne: n.idempotencyKey } },
          ],
        };
  return [
    {
      updateMany: {
        filter: { orgId: o, cardKey: n.cardKey, mode: 'post', status: 'pending', ...olderPost },
        update: { $set: { data: n.data, ...(seq === undefined ? {} : { dataSeq: seq }) } },
      },
    },
    {
      updateMany: {
        filter: { orgId: o, cardKey: n.cardKey, mode: 'update', status: 'pending', ...olderUpdate },
        update: { $set: { status: 'sent', lastError: 'superseded by a newer update', ...delivered } },
      },
    },
  ];
}

/** Inserts and supersedes in one unordered bulk write; a notice stored already (a retry) is left as it is. */
async function enqueueSequenced(
  Entry: Models['OutboxEntry'],
  o: Types.ObjectId,
  notices: readonly Notice[],
  docs: readonly object[],
  delivered: Delivered,
): Promise<void> {
  // Inserts as upserts: the driver sends one command per kind of write, so all-updates is one round trip; the
  // unique (org, key) index still decides a race between two publishers of one notice.
  const ops = [
    ...docs.map((doc) => {
      const { orgId: _org, idempotencyKey, ...rest } = doc as { orgId: unknown; idempotencyKey: string };
      return {
        updateOne: { filter: { orgId: o, idempotencyKey }, update: { $setOnInsert: rest }, upsert: true },
      };
    }),
    ...notices.filter((n) => n.mode === 'update' && n.cardKey).flatMap((n) => supersedeOps(o, n, delivered)),
  ];
  try {
    await Entry.collection.bulkWrite(ops as Parameters<typeof Entry.collection.bulkWrite>[0], {
      ordered: false,
      ignoreUndefined: true,
    });
  } catch (error) {
    const writeErrors = (error as { writeErrors?: { code?: number; err?: { code?: number } }[] }).writeErrors;
    const all = writeErrors ?? (isDuplicateKeyError(error) ? [{ code: 11000 }] : undefined);
    if (!all || all.some((e) => (e.code ?? e.err?.code) !== 11000)) throw error;
  }
}

/** How long delivered records are kept; without it (tests that do not care) they are kept for ever. */
export type OutboxRetention = { readonly deliveredMs: number; readonly sentMessageMs: number };

const after = (at: Date, ms: number | undefined) =>
  ms === undefined ? {} : { expiresAt: new Date(at.getTime() + ms) };

export function mongoOutboxStore(models: Models, retention?: OutboxRetention): OutboxStore {
  const { OutboxEntry: Entry, SentMessage: Sent } = models;
  // A notice re-published after its delivered entry expired would be sent again; use-cases retry within minutes,
  // and the period is days.
  const delivered = (at: Date) => after(at, retention?.deliveredMs);
  return {
    async enqueue(org: OrgId, notices: readonly Notice[], now: Date) {
      const o = mustObjectId(org);
      const docs = notices.map((n) => ({
        orgId: o,
        idempotencyKey: n.idempotencyKey,
        kind: n.kind,
        data: n.data,
        to: n.to,
        ...(n.cardKey ? { cardKey: n.cardKey } : {}),
        // A post's content version moves on when a newer update refreshes it while it waits (dataSeq).
        ...(n.seq !== undefined ? { seq: n.seq, ...(n.mode === 'post' ? { dataSeq: n.seq } : {}) } : {}),
        group: coalesceGroupOf(n),
        mode: n.mode,
        status: 'pending' as const,
        attempts: 0,
        dueAt: now,
        createdAt: now,
      }));
      // Card notices that carry their content's version need no read of what was new: one unordered bulk write
      // inserts them and brings the queued copies of each card up to it (one command per publish).
      if (notices.every((n) => n.mode !== 'update' || !n.cardKey || n.seq !== undefined)) {
        await enqueueSequenced(Entry, o, notices, docs, delivered(now));
        return;
      }
      const inserted = await insertNew(Entry, docs);
      // Only notices stored just now act on the queue: a re-published old notice must change nothing. All the
      // updates' effects go in one ordered bulk write (one command however many cards a job run changes).
      const ops = notices
        .filter((n, i) => inserted.has(i) && n.mode === 'update' && n.cardKey)
        .flatMap((n) => supersedeOps(o, n, delivered(now)));
      if (ops.length > 0) {
        await Entry.collection.bulkWrite(ops as Parameters<typeof Entry.collection.bulkWrite>[0], {
          ordered: true,
        });
      }
    },
    async claimNext(now: Date, leaseMs: number) {
      const doc = await Entry.findOneAndUpdate(
        { status: { $in: ['pending', 'sending'] }, dueAt: { $lte: now } },
        { $set: { status: 'sending', dueAt: new Date(now.getTime() + leaseMs) }, $inc: { attempts: 1 } },
        { sort: { dueAt: 1, _id: 1 }, returnDocument: 'after' },
      ).lean<OutboxEntryDoc>();
      return doc ? toEntry(doc) : undefined;
    },
    async complete(id: string, at: Date) {
      await Entry.updateOne(
        { _id: mustObjectId(id) },
        { $set: { status: 'sent', sentAt: at, ...delivered(at) }, $unset: { lastError: 1 } },
      );
    },
    async retryAt(id: string, dueAt: Date, error: string | undefined, countAttempt: boolean) {
      await Entry.updateOne(
        { _id: mustObjectId(id) },
        {
          $set: { status: 'pending', dueAt, ...(error ? { lastError: error } : {}) },
          ...(countAttempt ? {} : { $inc: { attempts: -1 } }),
        },
      );
    },
    async rememberUpload(id, upload) {
      // Only while it is being sent: an entry already marked sent or dead keeps what it has.
      await Entry.updateOne(
        { _id: mustObjectId(id), status: 'sending' },
        { $set: { upload: { fileId: upload.fileId, ref: upload.ref } } },
      );
    },
    async forgetUpload(id) {
      await Entry.updateOne({ _id: mustObjectId(id), status: 'sending' }, { $unset: { upload: 1 } });
    },
    async fail(id: string, error: string) {
      await Entry.updateOne({ _id: mustObjectId(id) }, { $set: { status: 'dead', lastError: error } });
    },
    async claimGroup(org: OrgId, group: string, leaderId: string, now: Date, leaseMs: number) {
      const o = mustObjectId(org);
      // One updateMany leases the burst: each document flips to this leader's lease once, atomically, so a second
      // deliverer racing for the same group takes only what this one did not.
      await Entry.updateMany(
        {
          orgId: o,
          group,
          status: { $in: ['pending', 'sending'] },
          dueAt: { $lte: now },
          _id: { $ne: mustObjectId(leaderId) },
        },
        {
          $set: { status: 'sending', leasedBy: leaderId, dueAt: new Date(now.getTime() + leaseMs) },
          $inc: { attempts: 1 },
        },
      );
      const docs = await Entry.find({
        orgId: o,
        group,
        status: 'sending',
        $or: [{ _id: mustObjectId(leaderId) }, { leasedBy: leaderId }],
      })
        .sort({ _id: 1 })
        .lean<OutboxEntryDoc[]>();
      const entries = docs.map(toEntry);
      return [...entries.filter((e) => e.id === leaderId), ...entries.filter((e) => e.id !== leaderId)];
    },
    async holdGroup(org: OrgId, group: string, until: Date) {
      await Entry.updateMany(
        { orgId: mustObjectId(org), group, status: 'pending', dueAt: { $lt: until } },
        { $set: { dueAt: until } },
      );
    },
    async completeBurst(org: OrgId, leaderId: string, at: Date) {
      // By the lease, not by a list of ids: one short filter however large the burst, the leader included.
      await Entry.updateMany(
        {
          orgId: mustObjectId(org),
          status: 'sending',
          $or: [{ _id: mustObjectId(leaderId) }, { leasedBy: leaderId }],
        },
        { $set: { status: 'sent', sentAt: at, ...delivered(at) }, $unset: { lastError: 1 } },
      );
    },
    async hasUndeliveredPost(org: OrgId, cardKey: string) {
      const found = await Entry.exists({
        orgId: mustObjectId(org),
        cardKey,
        mode: 'post',
        status: { $in: ['pending', 'sending'] },
      });
      return found !== null;
    },
    async recordSent(message: SentMessage, at: Date) {
      const o = mustObjectId(message.orgId);
      await Sent.updateOne(
        { orgId: o, idempotencyKey: message.idempotencyKey },
        { $setOnInsert: { ...message, orgId: o, sentAt: at, ...after(at, retention?.sentMessageMs) } },
        { upsert: true },
      );
    },
    async findSent(org: OrgId, cardKey: string) {
      return (
        await Sent.find({ orgId: mustObjectId(org), cardKey })
          .sort({ _id: 1 })
          .lean<SentMessageDoc[]>()
      ).map(toSent);
    },
  };
}
