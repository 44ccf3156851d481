import type { TeamRepository } from '../../core/org/ports.js';
import type { Team } from '../../core/org/types.js';
import { type MemberId, memberId, type OrgId, orgId, type TeamId, teamId } from '../../core/shared/ids.js';
import type { TeamDoc } from '../models/team-model.js';
import type { Models } from '../models.js';
import { toObjectId } from '../object-id.js';

export function toTeam(doc: TeamDoc): Team {
  return {
    id: teamId(doc._id.toHexString()),
    orgId: orgId(doc.orgId.toHexString()),
    name: doc.name,
    ...(doc.managerId ? { managerId: memberId(doc.managerId.toHexString()) } : {}),
    channelId: doc.channelId,
  };
}

export function mongoTeamRepository(models: Models): TeamRepository {
  return {
    async get(org: OrgId, id: TeamId) {
      const [o, t] = [toObjectId(org), toObjectId(id)];
      const doc = o && t ? await models.Team.findOne({ _id: t, orgId: o }).lean<TeamDoc>() : null;
      return doc ? toTeam(doc) : undefined;
    },
    async list(org: OrgId) {
      const o = toObjectId(org);
      return o ? (await models.Team.find({ orgId: o }).sort({ name: 1 }).lean<TeamDoc[]>()).map(toTeam) : [];
    },
    async update(org: OrgId, id: TeamId, patch: { channelId?: string; managerId?: MemberId }) {
      const [o, t] = [toObjectId(org), toObjectId(id)];
      if (!o || !t) return undefined;
      const set = {
        ...(patch.channelId ? { channelId: patch.channelId } : {}),
        ...(patch.managerId ? { managerId: toObjectId(patch.managerId) } : {}),
      };
      const doc = await models.Team.findOneAndUpdate(
        { _id: t, orgId: o },
        { $set: set },
        { returnDocument: 'after' },
      ).lean<TeamDoc>();
      return doc ? toTeam(doc) : undefined;
    },
  };
}
