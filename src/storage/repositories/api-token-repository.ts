import type { ApiTokenGrant, ApiTokenRepository } from '../../core/org/api-tokens.js';
import { orgId } from '../../core/shared/ids.js';
import type { ApiTokenDoc } from '../models/api-token-model.js';
import type { Models } from '../models.js';
import { toObjectId } from '../object-id.js';

export function mongoApiTokenRepository(models: Models): ApiTokenRepository {
  return {
    async findByHash(hash: string) {
      // Looked up by hash through a unique index: the comparison is on a digest, so it leaks nothing about the secret.
      const doc = await models.ApiToken.findOne({ hash, revokedAt: { $exists: false } }).lean<ApiTokenDoc>();
      return doc ? { orgId: orgId(doc.orgId.toHexString()), name: doc.name, roles: doc.roles } : undefined;
    },
    async save(grant: ApiTokenGrant, hash: string, prefix: string, at: Date) {
      const o = toObjectId(grant.orgId);
      if (!o) throw new Error(`bad org id ${grant.orgId}`);
      await models.ApiToken.updateOne(
        { orgId: o, name: grant.name },
        { $set: { hash, prefix, roles: [...grant.roles], createdAt: at }, $unset: { revokedAt: 1 } },
        { upsert: true },
      );
    },
  };
}
