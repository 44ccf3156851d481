import type { AfterSalesSettings } from '../after-sales/index.js';
import type { AuditSettings } from '../audit/index.js';
import type { BackupSettings } from '../backups/index.js';
import type { StageSettings } from '../customers/index.js';
import type { FollowUpSettings, PlanSettings } from '../follow-ups/index.js';
import type { RoutingConfig, ScoringConfig } from '../leads/index.js';
import type { ReportSettings } from '../reports/index.js';
import type { BusinessHours } from '../shared/business-hours.js';
import type { MemberId, OrgId, TeamId } from '../shared/ids.js';

/** `aftersales_manager` (售后经理) assigns complaints and approves hours; `aftersales` (售后人员) works the tasks. */
export const ROLES = ['admin', 'director', 'manager', 'rep', 'aftersales', 'aftersales_manager'] as const;
export type Role = (typeof ROLES)[number];

/**
 * `intern` (实习): new staff on trial. Besides smaller caps, an intern never sees an unmasked phone and never gets an
 * important lead (claimed, routed or assigned by hand), whatever their role: see intern-rules.ts.
 */
export const LEVELS = ['intern', 'junior', 'senior'] as const;
export type Level = (typeof LEVELS)[number];

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export const PLATFORMS = ['sandbox', 'slack', 'dingtalk', 'wecom'] as const;
export type Platform = (typeof PLATFORMS)[number];

/** Where the org's chat lives: one workspace (Slack team, DingTalk corp, WeCom corp, or the sandbox). */
export type ChatWorkspace = { readonly platform: Platform; readonly workspaceId: string };

export type OrgSettings = {
  readonly locale: Locale;
  readonly timeZone: string;
  /** Leads a member may receive per day, by level, unless the member has their own cap. */
  readonly dailyCaps: Readonly<Record<Level, number>>;
  /** How many open leads a member's private pool (私海) holds, by level, unless the member has their own. */
  readonly poolCapacity: Readonly<Record<Level, number>>;
  /**
   * The escalation ladder after assignment: the owner is nudged, then their manager copied, then an unfollowed lead
   * is reclaimed. A lead with its own reclaim period scales the first two steps in proportion.
   */
  readonly nudgeAfterHours: number;
  readonly managerAfterHours: number;
  readonly reclaimAfterHours: number;
  /** Where a reclaimed normal lead goes: the team's public pool, or straight to the next eligible rep. */
  readonly reclaimTo: 'pool' | 'reroute';
  /** Leads a member may claim from the public pool per day, by level. */
  readonly poolClaimsPerDay: Readonly<Record<Level, number>>;
  /** After releasing or losing a lead, how long before the same member may claim it back. */
  readonly claimCooldownHours: number;
  /** Count ladder hours on working time only; absent means around the clock. */
  readonly businessHours?: BusinessHours;
  /** Ordered routing rules; without them every lead waits in the org's public pool. */
  readonly routing?: RoutingConfig;
  /** Replaces the default lead scoring (DEFAULT_SCORING). */
  readonly scoring?: ScoringConfig;
  /** Important leads go to senior reps only (juniors skipped as `not_senior`); absent means on. */
  readonly importantToSeniors?: boolean;
  /** The follow-up outcome list (跟进结果); absent means the defaults of the org's locale. */
  readonly followUps?: FollowUpSettings;
  /** Task due times by priority, the reminder's share and the after-sales team; absent means the defaults. */
  readonly afterSales?: AfterSalesSettings;
  /** 客户阶段: the stages, their exit conditions, loss reasons and entry-action periods; absent means the defaults. */
  readonly stages?: StageSettings;
  /** The contact plan: reminders, escalation, stale reclaim, the morning agenda (see planSettingsOf). */
  readonly plan?: PlanSettings;
  /** The reports' settings: the weekly digest's day, time and recipients (see digestSettingsOf). */
  readonly reports?: ReportSettings;
  /** Backups: the daily time, retention and the restore drill (see backupSettingsOf); absent means the defaults. */
  readonly backups?: BackupSettings;
  /** The audit trail's retention (audit.retentionDays); absent means three years. */
  readonly audit?: AuditSettings;
};

export type { BusinessHours } from '../shared/business-hours.js';

export type Org = {
  readonly id: OrgId;
  readonly name: string;
  readonly chat: ChatWorkspace;
  readonly settings: OrgSettings;
  readonly createdAt: Date;
};

export type Team = {
  readonly id: TeamId;
  readonly orgId: OrgId;
  readonly name: string;
  readonly managerId?: MemberId;
  /** The team's channel on the org's chat platform, where pool cards and approvals are posted. */
  readonly channelId: string;
};

/** A member's user id on one chat platform. */
export type PlatformIdentity = { readonly platform: Platform; readonly userId: string };

export type Availability = 'available' | 'on_leave';

export type Member = {
  readonly id: MemberId;
  readonly orgId: OrgId;
  readonly name: string;
  readonly roles: readonly Role[];
  readonly teamId?: TeamId;
  readonly level: Level;
  /** Overrides the org's daily cap for this member's level. */
  readonly dailyCap?: number;
  /** Overrides the org's private-pool capacity for this member's level. */
  readonly poolCapacity?: number;
  readonly availability: Availability;
  /** Inactive members (left the company) keep their history but get nothing new. */
  readonly active: boolean;
  readonly identities: readonly PlatformIdentity[];
  readonly locale?: Locale;
};

export const DEFAULT_ORG_SETTINGS: OrgSettings = {
  locale: 'zh-CN',
  timeZone: 'Asia/Shanghai',
  // An intern (实习) is learning the trade under supervision: a few leads a day they can follow up properly, a
  // small private pool and one pool claim a day, so nothing piles up unfollowed while they learn.
  dailyCaps: { intern: 3, junior: 10, senior: 20 },
  poolCapacity: { intern: 10, junior: 30, senior: 60 },
  nudgeAfterHours: 24,
  managerAfterHours: 36,
  reclaimAfterHours: 48,
  reclaimTo: 'pool',
  poolClaimsPerDay: { intern: 1, junior: 3, senior: 3 },
  claimCooldownHours: 24,
};

/** The cap that applies to a member today: their own, else their level's. */
export function dailyCapOf(member: Member, settings: OrgSettings): number {
  return member.dailyCap ?? settings.dailyCaps[member.level];
}

export function localeOf(member: Member | undefined, org: Org): Locale {
  return member?.locale ?? org.settings.locale;
}
