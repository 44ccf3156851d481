import type { OrgRepository } from '../../core/org/ports.js';
import type { Org, Platform } from '../../core/org/types.js';
import { type OrgId, orgId } from '../../core/shared/ids.js';
import type { OrgDoc } from '../models/org-model.js';
import type { Models } from '../models.js';
import { toObjectId } from '../object-id.js';

export function toOrg(doc: OrgDoc): Org {
  return {
    id: orgId(doc._id.toHexString()),
    name: doc.name,
    chat: { platform: doc.chat.platform, workspaceId: doc.chat.workspaceId },
    settings: {
      locale: doc.settings.locale,
      timeZone: doc.settings.timeZone,
      dailyCaps: { junior: doc.settings.dailyCaps.junior, senior: doc.settings.dailyCaps.senior },
    },
    createdAt: doc.createdAt,
  };
}

export function mongoOrgRepository(models: Models): OrgRepository {
  return {
    async get(id: OrgId) {
      const _id = toObjectId(id);
      const doc = _id ? await models.Org.findById(_id).lean<OrgDoc>() : null;
      return doc ? toOrg(doc) : undefined;
    },
    async findByWorkspace(platform: Platform, workspaceId: string) {
      const doc = await models.Org.findOne({
        'chat.platform': platform,
        'chat.workspaceId': workspaceId,
      }).lean<OrgDoc>();
      return doc ? toOrg(doc) : undefined;
    },
    async listByPlatform(platform: Platform) {
      return (await models.Org.find({ 'chat.platform': platform }).sort({ _id: 1 }).lean<OrgDoc[]>()).map(
        toOrg,
      );
    },
  };
}
