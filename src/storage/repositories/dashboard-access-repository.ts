import type { DashboardAccessStore, DashboardGrant } from '../../core/org/dashboard-link.js';
import { memberId, orgId } from '../../core/shared/ids.js';
import type { DashboardAccessDoc } from '../models/dashboard-access-model.js';
import type { Models } from '../models.js';
import { mustObjectId } from '../object-id.js';

const DAY_MS = 86_400_000;

const grantOf = (doc: DashboardAccessDoc): DashboardGrant => ({
  orgId: orgId(doc.orgId.toHexString()),
  memberId: memberId(doc.memberId.toHexString()),
  expiresAt: doc.sessionExpiresAt ?? doc.linkExpiresAt,
});

/** Dashboard links and sessions, each looked up by its hash through a unique index. */
export function mongoDashboardAccess(models: Pick<Models, 'DashboardAccess'>): DashboardAccessStore {
  const { DashboardAccess } = models;
  return {
    async saveLink(link) {
      await DashboardAccess.create({
        ...{ orgId: mustObjectId(link.orgId), memberId: mustObjectId(link.memberId) },
        ...{ linkHash: link.linkHash, createdAt: link.createdAt, linkExpiresAt: link.expiresAt },
        // Kept a day past its expiry, so a late click is told "expired", not "not a link".
        purgeAt: new Date(link.expiresAt.getTime() + DAY_MS),
      });
    },
    async exchange(linkHash, { sessionHash, now, expiresAt }) {
      // The one write that decides the race: only an unused link before its expiry turns into a session.
      const doc = await DashboardAccess.findOneAndUpdate(
        { linkHash, usedAt: { $exists: false }, linkExpiresAt: { $gt: now } },
        { $set: { usedAt: now, sessionHash, sessionExpiresAt: expiresAt, purgeAt: expiresAt } },
        { returnDocument: 'after' },
      ).lean<DashboardAccessDoc>();
      return doc ? grantOf(doc) : undefined;
    },
    async linkState(linkHash) {
      const doc = await DashboardAccess.findOne({ linkHash }, { usedAt: 1 }).lean<DashboardAccessDoc>();
      return doc ? { used: doc.usedAt !== undefined } : undefined;
    },
    async findSession(sessionHash, now) {
      const doc = await DashboardAccess.findOne({
        sessionHash,
        sessionExpiresAt: { $gt: now },
      }).lean<DashboardAccessDoc>();
      return doc ? grantOf(doc) : undefined;
    },
  };
}
