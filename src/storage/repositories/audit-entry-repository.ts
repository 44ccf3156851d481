import { Types } from 'mongoose';
import type {
  AuditEntry,
  AuditFields,
  AuditKind,
  AuditLog,
  AuditReader,
  StoredAuditEntry,
} from '../../core/audit/index.js';
import type { MemberId, OrgId } from '../../core/shared/ids.js';
import type { AuditEntryDoc } from '../models/audit-entry-model.js';
import type { Models } from '../models.js';
import { isDuplicateKeyError, mustObjectId, toObjectId } from '../object-id.js';

/**
 * The audit trail's storage. APPEND-ONLY: this object has `record` (one insert) and `list` (reads) and nothing
 * else — no update, no delete, no upsert; entries leave only through the TTL index on `expireAt`. A test checks
 * that these are the only methods, so a later "fix an entry" path has to be argued for in review.
 */
export function mongoAuditLog(models: Models): AuditLog & AuditReader {
  return {
    async record(entry) {
      try {
        await models.AuditEntry.create(toDoc(entry));
      } catch (error) {
        // The same operation recorded again (a retried webhook or request): the first entry stands.
        if (!isDuplicateKeyError(error)) throw error;
      }
    },
    async list(orgId, query) {
      const oid = toObjectId(orgId);
      if (!oid) return { entries: [] };
      const filter: Record<string, unknown> = { orgId: oid };
      if (query.actorMemberId) filter['actor.memberId'] = query.actorMemberId;
      if (query.actorName)
        filter.$or = [{ 'actor.name': query.actorName }, { 'actor.tokenName': query.actorName }];
      if (query.kinds?.length) filter.kind = { $in: query.kinds };
      const at: Record<string, Date> = {};
      if (query.from) at.$gte = query.from;
      if (query.to) at.$lt = query.to;
      if (Object.keys(at).length) filter.at = at;
      const after = query.cursor ? parseCursor(query.cursor) : undefined;
      if (query.cursor && !after) return { entries: [] };
      const page = after
        ? {
            $and: [filter, { $or: [{ at: { $lt: after.at } }, { at: after.at, _id: { $lt: after.id } }] }],
          }
        : filter;
      const docs = await models.AuditEntry.find(page)
        .sort({ at: -1, _id: -1 })
        .limit(query.limit + 1)
        .lean<AuditEntryDoc[]>();
      const entries = docs.slice(0, query.limit).map(auditEntryFromDoc);
      const last = docs.length > query.limit ? docs[query.limit - 1] : undefined;
      return { entries, ...(last ? { next: cursorOf(last) } : {}) };
    },
  };
}

function toDoc(entry: AuditEntry): AuditEntryDoc {
  return {
    _id: entry.key ? `${entry.orgId}/${entry.kind}/${entry.key}` : new Types.ObjectId().toHexString(),
    orgId: mustObjectId(entry.orgId),
    at: entry.at,
    actor: { ...entry.actor },
    via: { ...entry.via },
    kind: entry.kind,
    target: { ...entry.target },
    ...(entry.before ? { before: { ...entry.before } } : {}),
    ...(entry.after ? { after: { ...entry.after } } : {}),
    ...(entry.details ? { details: { ...entry.details } } : {}),
    expireAt: entry.expireAt,
  };
}

/** A stored entry as core reads it (the list here, the audit export's reader). */
export function auditEntryFromDoc(doc: AuditEntryDoc): StoredAuditEntry {
  return {
    id: doc._id,
    orgId: doc.orgId.toHexString() as OrgId,
    at: doc.at,
    actor: {
      kind: doc.actor.kind as StoredAuditEntry['actor']['kind'],
      ...(doc.actor.memberId ? { memberId: doc.actor.memberId as MemberId } : {}),
      ...(doc.actor.name ? { name: doc.actor.name } : {}),
      ...(doc.actor.tokenId ? { tokenId: doc.actor.tokenId } : {}),
      ...(doc.actor.tokenName ? { tokenName: doc.actor.tokenName } : {}),
    },
    via: doc.via as StoredAuditEntry['via'],
    kind: doc.kind as AuditKind,
    target: doc.target,
    ...(doc.before ? { before: doc.before as AuditFields } : {}),
    ...(doc.after ? { after: doc.after as AuditFields } : {}),
    ...(doc.details ? { details: doc.details as AuditFields } : {}),
    expireAt: doc.expireAt,
  };
}

/** The cursor names the last entry shown: its time and id (ties on `at` are broken by `_id`, as the sort is). */
function cursorOf(doc: AuditEntryDoc): string {
  return Buffer.from(JSON.stringify([doc.at.toISOString(), doc._id]), 'utf8').toString('base64url');
}

function parseCursor(cursor: string): { at: Date; id: string } | undefined {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof at !== 'string' || typeof id !== 'string' || Number.isNaN(Date.parse(at))) return undefined;
    return { at: new Date(at), id };
  } catch {
    return undefined;
  }
}
