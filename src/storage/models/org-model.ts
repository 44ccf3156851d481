import { Schema, type Types } from 'mongoose';
import { LOCALES, PLATFORMS } from '../../core/org/types.js';

/** A per-level setting; `intern` is absent in orgs saved before the level existed (its default applies). */
type PerLevelDoc = { intern?: number; junior: number; senior: number };

export type OrgDoc = {
  _id: Types.ObjectId;
  name: string;
  chat: { platform: (typeof PLATFORMS)[number]; workspaceId: string };
  settings: {
    locale: (typeof LOCALES)[number];
    timeZone: string;
    dailyCaps: PerLevelDoc;
    poolCapacity?: PerLevelDoc;
    nudgeAfterHours?: number;
    reclaimAfterHours?: number;
    managerAfterHours?: number;
    reclaimTo?: 'pool' | 'reroute';
    poolClaimsPerDay?: PerLevelDoc;
    claimCooldownHours?: number;
    importantToSeniors?: boolean;
    businessHours?: { days: readonly number[]; start: string; end: string };
    /** Validated by routingConfigSchema before it is stored. */
    routing?: Record<string, unknown>;
    /** Validated by scoringConfigSchema before it is stored. */
    scoring?: Record<string, unknown>;
    /** Validated by afterSalesSettingsSchema before it is stored. */
    afterSales?: Record<string, unknown>;
    /** Validated by stageSettingsSchema before it is stored. */
    stages?: Record<string, unknown>;
    /** The contact plan's settings, validated by planSettingsSchema before it is stored. */
    plan?: Record<string, unknown>;
    /** Validated by followUpSettingsSchema before it is stored. */
    followUps?: Record<string, unknown>;
    /** The reports' settings (weekly digest), validated by reportSettingsSchema before it is stored. */
    reports?: Record<string, unknown>;
    /** Validated by backupSettingsSchema before it is stored. */
    backups?: Record<string, unknown>;
    /** The audit trail's retention, validated by auditSettingsSchema before it is stored. */
    audit?: { retentionDays: number };
  };
  createdAt: Date;
};

export const orgSchema = new Schema<OrgDoc>(
  {
    name: { type: String, required: true },
    chat: {
      platform: { type: String, enum: PLATFORMS, required: true },
      workspaceId: { type: String, required: true },
    },
    settings: {
      locale: { type: String, enum: LOCALES, default: 'zh-CN' },
      timeZone: { type: String, default: 'Asia/Shanghai' },
      dailyCaps: {
        intern: { type: Number },
        junior: { type: Number, default: 10 },
        senior: { type: Number, default: 20 },
      },
      poolCapacity: {
        intern: { type: Number },
        junior: { type: Number, default: 30 },
        senior: { type: Number, default: 60 },
      },
      nudgeAfterHours: { type: Number, default: 24 },
      reclaimAfterHours: { type: Number, default: 48 },
      managerAfterHours: { type: Number, default: 36 },
      reclaimTo: { type: String, enum: ['pool', 'reroute'], default: 'pool' },
      poolClaimsPerDay: {
        intern: { type: Number },
        junior: { type: Number, default: 3 },
        senior: { type: Number, default: 3 },
      },
      claimCooldownHours: { type: Number, default: 24 },
      importantToSeniors: Boolean,
      businessHours: { type: Schema.Types.Mixed },
      routing: { type: Schema.Types.Mixed },
      scoring: { type: Schema.Types.Mixed },
      afterSales: { type: Schema.Types.Mixed },
      stages: { type: Schema.Types.Mixed },
      plan: { type: Schema.Types.Mixed },
      followUps: { type: Schema.Types.Mixed },
      reports: { type: Schema.Types.Mixed },
      backups: { type: Schema.Types.Mixed },
      audit: { type: Schema.Types.Mixed },
    },
    createdAt: { type: Date, required: true },
  },
  { collection: 'orgs', versionKey: false },
);
// Inbound chat events name a workspace, not an org: this is how the org is found.
orgSchema.index({ 'chat.platform': 1, 'chat.workspaceId': 1 }, { unique: true });
