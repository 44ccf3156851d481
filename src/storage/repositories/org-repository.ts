import type { AfterSalesSettings } from '../../core/after-sales/index.js';
import type { BackupSettings } from '../../core/backups/index.js';
import type { StageSettings } from '../../core/customers/index.js';
import type { FollowUpSettings, PlanSettings } from '../../core/follow-ups/index.js';
import type { RoutingConfig } from '../../core/leads/routing-config.js';
import type { ScoringConfig } from '../../core/leads/score-lead.js';
import type { OrgSettingsPatch } from '../../core/org/configure-org-settings.js';
import type { OrgRepository } from '../../core/org/ports.js';
import {
  type ChatWorkspace,
  DEFAULT_ORG_SETTINGS,
  type Level,
  type Org,
  type Platform,
} from '../../core/org/types.js';
import type { ReportSettings } from '../../core/reports/index.js';
import { DomainError } from '../../core/shared/errors.js';
import { type OrgId, orgId } from '../../core/shared/ids.js';
import type { OrgDoc } from '../models/org-model.js';
import type { Models } from '../models.js';
import { isDuplicateKeyError, toObjectId } from '../object-id.js';

/** A per-level setting as stored; orgs saved before the intern level existed get its default. */
function perLevel(
  stored: { intern?: number | null; junior: number; senior: number } | undefined,
  fallback: Readonly<Record<Level, number>>,
): Record<Level, number> {
  if (!stored) return { ...fallback };
  return { intern: stored.intern ?? fallback.intern, junior: stored.junior, senior: stored.senior };
}

export function toOrg(doc: OrgDoc): Org {
  return {
    id: orgId(doc._id.toHexString()),
    name: doc.name,
    chat: { platform: doc.chat.platform, workspaceId: doc.chat.workspaceId },
    settings: {
      locale: doc.settings.locale,
      timeZone: doc.settings.timeZone,
      dailyCaps: perLevel(doc.settings.dailyCaps, DEFAULT_ORG_SETTINGS.dailyCaps),
      poolCapacity: perLevel(doc.settings.poolCapacity, DEFAULT_ORG_SETTINGS.poolCapacity),
      nudgeAfterHours: doc.settings.nudgeAfterHours ?? DEFAULT_ORG_SETTINGS.nudgeAfterHours,
      reclaimAfterHours: doc.settings.reclaimAfterHours ?? DEFAULT_ORG_SETTINGS.reclaimAfterHours,
      managerAfterHours: doc.settings.managerAfterHours ?? DEFAULT_ORG_SETTINGS.managerAfterHours,
      reclaimTo: doc.settings.reclaimTo ?? DEFAULT_ORG_SETTINGS.reclaimTo,
      poolClaimsPerDay: perLevel(doc.settings.poolClaimsPerDay, DEFAULT_ORG_SETTINGS.poolClaimsPerDay),
      claimCooldownHours: doc.settings.claimCooldownHours ?? DEFAULT_ORG_SETTINGS.claimCooldownHours,
      ...(typeof doc.settings.importantToSeniors === 'boolean'
        ? { importantToSeniors: doc.settings.importantToSeniors }
        : {}),
      ...(doc.settings.businessHours ? { businessHours: doc.settings.businessHours } : {}),
      // Both were validated by their zod schemas when saved.
      ...(doc.settings.routing ? { routing: doc.settings.routing as unknown as RoutingConfig } : {}),
      ...(doc.settings.scoring ? { scoring: doc.settings.scoring as unknown as ScoringConfig } : {}),
      ...(doc.settings.afterSales ? { afterSales: doc.settings.afterSales as AfterSalesSettings } : {}),
      ...(doc.settings.stages ? { stages: doc.settings.stages as unknown as StageSettings } : {}),
      ...(doc.settings.plan ? { plan: doc.settings.plan as PlanSettings } : {}),
      ...(doc.settings.followUps ? { followUps: doc.settings.followUps as unknown as FollowUpSettings } : {}),
      ...(doc.settings.reports ? { reports: doc.settings.reports as ReportSettings } : {}),
      ...(doc.settings.backups ? { backups: doc.settings.backups as BackupSettings } : {}),
      ...(doc.settings.audit ? { audit: doc.settings.audit } : {}),
    },
    createdAt: doc.createdAt,
  };
}

export function mongoOrgRepository(models: Models): OrgRepository {
  const setSetting = async (id: OrgId, key: 'routing' | 'scoring', value: object) => {
    const _id = toObjectId(id);
    const doc = _id
      ? await models.Org.findOneAndUpdate(
          { _id },
          { $set: { [`settings.${key}`]: value } },
          { returnDocument: 'after' },
        ).lean<OrgDoc>()
      : null;
    return doc ? toOrg(doc) : undefined;
  };
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
    async setChat(id: OrgId, chat: ChatWorkspace) {
      const _id = toObjectId(id);
      if (!_id) return undefined;
      try {
        const doc = await models.Org.findOneAndUpdate(
          { _id },
          { $set: { chat } },
          { returnDocument: 'after' },
        ).lean<OrgDoc>();
        return doc ? toOrg(doc) : undefined;
      } catch (error) {
        // The workspace index is unique: one workspace, one org.
        if (isDuplicateKeyError(error)) throw new DomainError('CONFLICT', { field: 'workspaceId' });
        throw error;
      }
    },
    setRouting: (id: OrgId, routing: RoutingConfig) => setSetting(id, 'routing', routing),
    async updateSettings(id: OrgId, patch: OrgSettingsPatch) {
      const _id = toObjectId(id);
      if (!_id) return undefined;
      const set: Record<string, unknown> = {};
      const unset: Record<string, 1> = {};
      for (const [key, value] of Object.entries(patch)) {
        if (value === null) unset[`settings.${key}`] = 1;
        else if (value !== undefined) set[`settings.${key}`] = value;
      }
      const doc = await models.Org.findOneAndUpdate(
        { _id },
        {
          ...(Object.keys(set).length ? { $set: set } : {}),
          ...(Object.keys(unset).length ? { $unset: unset } : {}),
        },
        { returnDocument: 'after' },
      ).lean<OrgDoc>();
      return doc ? toOrg(doc) : undefined;
    },
    setScoring: (id: OrgId, scoring: ScoringConfig) => setSetting(id, 'scoring', scoring),
    async listByPlatform(platform: Platform) {
      return (await models.Org.find({ 'chat.platform': platform }).sort({ _id: 1 }).lean<OrgDoc[]>()).map(
        toOrg,
      );
    },
  };
}
