import type { Types } from 'mongoose';
import type {
  BeginOutcome,
  LeadMove,
  OffboardingRun,
  OffboardingStore,
} from '../../core/offboarding/index.js';
import type { PlatformIdentity } from '../../core/org/index.js';
import { type MemberId, memberId, type OrgId, type TeamId } from '../../core/shared/ids.js';
import type { LeadDoc } from '../models/lead-model.js';
import type { Models } from '../models.js';
import { mustObjectId } from '../object-id.js';
import { changeToUpdate, leadFromDoc } from './lead-mapping.js';

const OPEN = ['assigned', 'claimed'];

type RunDoc = {
  byId?: Types.ObjectId;
  byName?: string;
  leadsTo: { kind: 'pool' } | { kind: 'member'; memberId: Types.ObjectId };
  startedAt: Date;
  leaseUntil: Date;
  finishedAt?: Date;
};

const runToDoc = (run: OffboardingRun): RunDoc => ({
  ...(run.byId ? { byId: mustObjectId(run.byId) } : {}),
  ...(run.byName ? { byName: run.byName } : {}),
  leadsTo:
    run.leadsTo.kind === 'pool'
      ? { kind: 'pool' }
      : { kind: 'member', memberId: mustObjectId(run.leadsTo.memberId) },
  startedAt: run.startedAt,
  leaseUntil: run.leaseUntil,
});

const runFromDoc = (d: RunDoc): OffboardingRun => ({
  ...(d.byId ? { byId: memberId(d.byId.toHexString()) } : {}),
  ...(d.byName ? { byName: d.byName } : {}),
  leadsTo:
    d.leadsTo.kind === 'pool'
      ? { kind: 'pool' }
      : { kind: 'member', memberId: memberId(d.leadsTo.memberId.toHexString()) },
  startedAt: d.startedAt,
  leaseUntil: d.leaseUntil,
  ...(d.finishedAt ? { finishedAt: d.finishedAt } : {}),
});

/**
 * Offboarding's writes, through the driver (the run, `leftAt` and `formerIdentities` are this store's fields on the
 * member document). The leads' moves are one unordered bulk write per batch, each conditional on its version.
 */
export function mongoOffboardingStore(models: Models): OffboardingStore {
  const members = models.Member.collection;
  const leads = models.Lead.collection;
  const one = (org: OrgId, id: MemberId) => ({ _id: mustObjectId(id), orgId: mustObjectId(org) });
  const openOf = (org: OrgId, id: MemberId) => ({
    orgId: mustObjectId(org),
    ownerId: mustObjectId(id),
    status: { $in: OPEN },
  });
  return {
    async begin(org, id, run, identities: readonly PlatformIdentity[]): Promise<BeginOutcome> {
      const fresh = await members.updateOne(
        { ...one(org, id), active: true },
        {
          $set: { active: false, leftAt: run.startedAt, offboarding: runToDoc(run), identities: [] },
          // Kept for history and audit: which chat accounts the person had. Never matched again (not `identities`).
          $push: {
            formerIdentities: {
              $each: identities.map((i) => ({
                platform: i.platform,
                userId: i.userId,
                unlinkedAt: run.startedAt,
              })),
            },
          } as never,
        },
      );
      if (fresh.matchedCount === 1) return { started: 'fresh', run };
      // A run that died: its lease has passed and it never finished. Taking the lease over is one conditional write.
      const resumed = await members.updateOne(
        {
          ...one(org, id),
          active: false,
          offboarding: { $exists: true },
          'offboarding.finishedAt': { $exists: false },
          'offboarding.leaseUntil': { $lte: run.startedAt },
        },
        { $set: { 'offboarding.leaseUntil': run.leaseUntil } },
      );
      const doc = await members.findOne(one(org, id));
      if (!doc) return { refused: 'not_found' };
      const stored = doc.offboarding ? runFromDoc(doc.offboarding as RunDoc) : undefined;
      if (resumed.matchedCount === 1 && stored) return { started: 'resumed', run: stored };
      const leftAt = doc.leftAt instanceof Date ? { leftAt: doc.leftAt } : {};
      if (stored && !stored.finishedAt) return { refused: 'held', run: stored, ...leftAt };
      return { refused: 'done', ...(stored ? { run: stored } : {}), ...leftAt };
    },
    async renew(org, id, leaseUntil) {
      await members.updateOne(
        { ...one(org, id), 'offboarding.finishedAt': { $exists: false } },
        { $set: { 'offboarding.leaseUntil': leaseUntil } },
      );
    },
    async finish(org, id, at) {
      await members.updateOne(one(org, id), { $set: { 'offboarding.finishedAt': at, 'routing.open': 0 } });
    },
    async openLeadsOf(org, id, limit) {
      // One batch is one round trip: without batchSize the driver fetches 101 and asks again (getMore).
      const docs = await leads.find(openOf(org, id)).sort({ _id: 1 }).limit(limit).batchSize(limit).toArray();
      return docs.map((d) => leadFromDoc(d as unknown as LeadDoc));
    },
    countOpenLeads: (org, id) => leads.countDocuments(openOf(org, id)),
    async moveLeads(org, moves: readonly LeadMove[]) {
      if (moves.length === 0) return 0;
      const ops = moves.map(({ lead, change }) => {
        const update = changeToUpdate(change) as { $set: Record<string, unknown> };
        // The receiver gets one card for the whole hand-over, not the notice sweep's card per lead.
        const { noticesPending: _, ...set } = update.$set;
        return {
          updateOne: {
            filter: { _id: mustObjectId(lead.id), orgId: mustObjectId(org), version: lead.version },
            update: { ...update, $set: set },
          },
        };
      });
      const result = await leads.bulkWrite(ops as never, { ordered: false });
      return result.modifiedCount;
    },
    async addOpenLeads(org, id, n) {
      await members.updateOne(one(org, id), { $inc: { 'routing.open': n } });
    },
    async handedOver(org, leaver, to, limit) {
      const filter: Record<string, unknown> = {
        orgId: mustObjectId(org),
        history: { $elemMatch: { 'reason.kind': 'offboarding', 'reason.memberId': leaver } },
        ...('memberId' in to
          ? { ownerId: mustObjectId(to.memberId), status: { $in: OPEN } }
          : { status: 'pooled', teamId: mustObjectId(to.poolOfTeam as TeamId) }),
      };
      const count = await leads.countDocuments(filter);
      if (count === 0) return { count, first: [] };
      // `important` sorts before `normal`: what matters first.
      const docs = await leads.find(filter).sort({ grade: 1, _id: 1 }).limit(limit).toArray();
      const first = docs.map((d) => {
        const lead = leadFromDoc(d as unknown as LeadDoc);
        return {
          ...(lead.code ? { code: lead.code } : {}),
          ...(lead.contact.name ? { name: lead.contact.name } : {}),
          ...(lead.contact.company ? { company: lead.contact.company } : {}),
          grade: lead.grade,
        };
      });
      return { count, first };
    },
    async revokeMemberTokens(org, id, at) {
      // `memberId` is the per-member token's field (helper T's model); matched as an ObjectId or its hex string.
      const result = await models.ApiToken.collection.updateMany(
        {
          orgId: mustObjectId(org),
          memberId: { $in: [mustObjectId(id), id] },
          revokedAt: { $exists: false },
        },
        { $set: { revokedAt: at } },
      );
      return result.modifiedCount;
    },
  };
}
