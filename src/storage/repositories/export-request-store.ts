import type { ExportRequest, ExportRequestStore } from '../../chat/exports/export-requests.js';
import type { ExportKind } from '../../core/exports/export-kinds.js';
import type { MemberId, OrgId } from '../../core/shared/ids.js';
import type { ExportRequestDoc } from '../models/export-request-model.js';
import type { Models } from '../models.js';
import { isDuplicateKeyError } from '../object-id.js';

const KEEP_MS = 7 * 24 * 3_600_000;

function toRequest(doc: ExportRequestDoc): ExportRequest {
  return {
    id: doc._id,
    orgId: doc.orgId as OrgId,
    memberId: doc.memberId as MemberId,
    kind: doc.kind as ExportKind,
    ...(doc.period ? { period: doc.period } : {}),
    ...(doc.team ? { team: doc.team } : {}),
    attempts: doc.attempts,
  };
}

export function mongoExportRequests(models: Pick<Models, 'ExportRequest'>): ExportRequestStore {
  const Request = models.ExportRequest;
  return {
    async add(request, now) {
      try {
        await Request.create({
          _id: request.id,
          orgId: request.orgId,
          memberId: request.memberId,
          kind: request.kind,
          ...(request.period ? { period: request.period } : {}),
          ...(request.team ? { team: request.team } : {}),
          state: 'pending',
          leaseUntil: now,
          attempts: 0,
          createdAt: now,
          expiresAt: new Date(now.getTime() + KEEP_MS),
        });
        return true;
      } catch (error) {
        // The same id: a platform's retry of the command, already queued.
        if (isDuplicateKeyError(error)) return false;
        throw error;
      }
    },

    async claimNext(now, leaseMs) {
      const doc = await Request.findOneAndUpdate(
        { state: 'pending', leaseUntil: { $lte: now } },
        { $set: { leaseUntil: new Date(now.getTime() + leaseMs) }, $inc: { attempts: 1 } },
        { sort: { createdAt: 1 }, returnDocument: 'after' },
      ).lean<ExportRequestDoc>();
      return doc ? toRequest(doc) : undefined;
    },

    async complete(id) {
      await Request.updateOne({ _id: id }, { $set: { state: 'done' } });
    },
  };
}
