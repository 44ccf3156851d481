import type { MemberRepository } from '../../core/org/ports.js';
import type { Availability, Member, Platform, PlatformIdentity } from '../../core/org/types.js';
import { DomainError } from '../../core/shared/errors.js';
import { type MemberId, memberId, type OrgId, orgId, type TeamId, teamId } from '../../core/shared/ids.js';
import type { MemberDoc } from '../models/member-model.js';
import type { Models } from '../models.js';
import { isDuplicateKeyError, toObjectId } from '../object-id.js';

export function toMember(doc: MemberDoc): Member {
  return {
    id: memberId(doc._id.toHexString()),
    orgId: orgId(doc.orgId.toHexString()),
    name: doc.name,
    roles: doc.roles,
    ...(doc.teamId ? { teamId: teamId(doc.teamId.toHexString()) } : {}),
    level: doc.level,
    ...(doc.dailyCap !== undefined && doc.dailyCap !== null ? { dailyCap: doc.dailyCap } : {}),
    ...(doc.poolCapacity !== undefined && doc.poolCapacity !== null
      ? { poolCapacity: doc.poolCapacity }
      : {}),
    availability: doc.availability,
    active: doc.active,
    identities: doc.identities.map((i) => ({ platform: i.platform, userId: i.userId })),
    ...(doc.locale ? { locale: doc.locale } : {}),
  };
}

export function mongoMemberRepository(models: Models): MemberRepository {
  return {
    async get(org: OrgId, id: MemberId) {
      const [o, m] = [toObjectId(org), toObjectId(id)];
      const doc = o && m ? await models.Member.findOne({ _id: m, orgId: o }).lean<MemberDoc>() : null;
      return doc ? toMember(doc) : undefined;
    },
    async list(org: OrgId, filter: { teamId?: TeamId; activeOnly?: boolean } = {}) {
      const o = toObjectId(org);
      if (!o) return [];
      const query: Record<string, unknown> = { orgId: o };
      if (filter.teamId) query.teamId = toObjectId(filter.teamId);
      if (filter.activeOnly) query.active = true;
      return (await models.Member.find(query).sort({ _id: 1 }).lean<MemberDoc[]>()).map(toMember);
    },
    async findByIdentity(org: OrgId, platform: Platform, userId: string) {
      const o = toObjectId(org);
      const doc = o
        ? await models.Member.findOne({
            orgId: o,
            identities: { $elemMatch: { platform, userId } },
          }).lean<MemberDoc>()
        : null;
      return doc ? toMember(doc) : undefined;
    },
    async setIdentities(org: OrgId, id: MemberId, identities: readonly PlatformIdentity[]) {
      const [o, m] = [toObjectId(org), toObjectId(id)];
      if (!o || !m) return undefined;
      try {
        const doc = await models.Member.findOneAndUpdate(
          { _id: m, orgId: o },
          { $set: { identities: identities.map((i) => ({ platform: i.platform, userId: i.userId })) } },
          { returnDocument: 'after' },
        ).lean<MemberDoc>();
        return doc ? toMember(doc) : undefined;
      } catch (error) {
        // Another member took the user id between the use-case's check and this write.
        if (isDuplicateKeyError(error)) throw new DomainError('CONFLICT', { field: 'identities' });
        throw error;
      }
    },
    async setAvailability(org: OrgId, id: MemberId, availability: Availability) {
      const [o, m] = [toObjectId(org), toObjectId(id)];
      if (!o || !m) return undefined;
      const doc = await models.Member.findOneAndUpdate(
        { _id: m, orgId: o },
        { $set: { availability } },
        { returnDocument: 'after' },
      ).lean<MemberDoc>();
      return doc ? toMember(doc) : undefined;
    },
  };
}
