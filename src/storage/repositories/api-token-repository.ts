import type { ApiTokenGrant, ApiTokenRepository } from '../../core/org/api-tokens.js';
import {
  type ApiTokenSummary,
  type ManagedApiTokens,
  type NewApiToken,
  ROLES_OF_TOKEN,
  type RoleGrant,
} from '../../core/org/managed-api-tokens.js';
import { type MemberId, memberId, type OrgId, orgId } from '../../core/shared/ids.js';
import type { ApiTokenDoc } from '../models/api-token-model.js';
import type { Models } from '../models.js';
import { isDuplicateKeyError, mustObjectId, toObjectId } from '../object-id.js';

const roleOf = (doc: ApiTokenDoc): ApiTokenSummary['role'] =>
  doc.memberId
    ? 'member'
    : (doc.role ?? (doc.roles.length === 1 && doc.roles[0] === 'admin' ? 'admin' : 'custom'));

const memberFilter = (filter: { readonly memberId?: MemberId } | undefined) =>
  filter?.memberId ? { memberId: mustObjectId(filter.memberId) } : {};

function toSummary(doc: ApiTokenDoc): ApiTokenSummary {
  return {
    id: doc._id.toHexString(),
    name: doc.name,
    role: roleOf(doc),
    roles: doc.roles,
    prefix: doc.prefix,
    ...(doc.memberId ? { memberId: memberId(doc.memberId.toHexString()) } : {}),
    ...(doc.lastUsedAt ? { lastUsedAt: doc.lastUsedAt } : {}),
    createdAt: doc.createdAt,
    ...(doc.revokedAt ? { revokedAt: doc.revokedAt } : {}),
  };
}

export function mongoApiTokenRepository(
  models: Models,
): ApiTokenRepository & ManagedApiTokens & { findByHash(hash: string): Promise<RoleGrant | undefined> } {
  const { ApiToken } = models;
  return {
    async findByHash(hash: string) {
      // Looked up by hash through a unique index: the comparison is on a digest, so it leaks nothing about the secret.
      // Read on every request, so a revoked token is refused from the next request on.
      const doc = await ApiToken.findOne({ hash, revokedAt: { $exists: false } }).lean<ApiTokenDoc>();
      return doc
        ? {
            orgId: orgId(doc.orgId.toHexString()),
            name: doc.name,
            roles: doc.roles,
            id: doc._id.toHexString(),
            role: roleOf(doc),
            ...(doc.memberId ? { memberId: memberId(doc.memberId.toHexString()) } : {}),
            ...(doc.lastUsedAt ? { lastUsedAt: doc.lastUsedAt } : {}),
          }
        : undefined;
    },
    async touch(id: string, at: Date, staleBefore: Date) {
      const _id = toObjectId(id);
      if (!_id) return;
      // Conditional: of concurrent requests in one minute, one write changes it and the others match nothing.
      await ApiToken.updateOne(
        { _id, $or: [{ lastUsedAt: { $exists: false } }, { lastUsedAt: { $lt: staleBefore } }] },
        { $set: { lastUsedAt: at } },
      );
    },
    async save(grant: ApiTokenGrant, hash: string, prefix: string, at: Date) {
      await ApiToken.updateOne(
        { orgId: mustObjectId(grant.orgId), name: grant.name },
        { $set: { hash, prefix, roles: [...grant.roles], createdAt: at }, $unset: { revokedAt: 1, role: 1 } },
        { upsert: true },
      );
    },
    async create(org: OrgId, token: NewApiToken, at: Date) {
      try {
        const doc = await ApiToken.create({
          orgId: mustObjectId(org),
          name: token.name,
          hash: token.hash,
          prefix: token.prefix,
          ...(token.memberId !== undefined
            ? { memberId: mustObjectId(token.memberId), roles: [] }
            : { role: token.role, roles: [...ROLES_OF_TOKEN[token.role]] }),
          createdAt: at,
        });
        return toSummary(doc.toObject());
      } catch (error) {
        // The (orgId, name) index decides a race between two creates of one name.
        if (isDuplicateKeyError(error)) return undefined;
        throw error;
      }
    },
    async list(org: OrgId, filter) {
      const docs = await ApiToken.find({ orgId: mustObjectId(org), ...memberFilter(filter) })
        .sort({ createdAt: -1, _id: -1 })
        .lean<ApiTokenDoc[]>();
      return docs.map(toSummary);
    },
    async revoke(org: OrgId, id: string, at: Date, filter) {
      const _id = toObjectId(id);
      if (!_id) return undefined;
      const o = mustObjectId(org);
      // One conditional write: the first revocation's time is kept when it is sent twice, and only the call whose
      // write matched is told it revoked the token (`revokedNow`), so two at once answer "revoked" once.
      const mine = memberFilter(filter);
      const won = await ApiToken.findOneAndUpdate(
        { _id, orgId: o, ...mine, revokedAt: { $exists: false } },
        { $set: { revokedAt: at } },
        { new: true },
      ).lean<ApiTokenDoc>();
      if (won) return { ...toSummary(won), revokedNow: true };
      const doc = await ApiToken.findOne({ _id, orgId: o, ...mine }).lean<ApiTokenDoc>();
      return doc ? { ...toSummary(doc), revokedNow: false } : undefined;
    },
  };
}
