import type { AssignmentReason, Grade, LeadStatus, OwnershipEventType } from '../../core/leads/lead-types.js';
import type { SkipReason, Strategy } from '../../core/leads/routing-types.js';
import type { Level, Role } from '../../core/org/types.js';
import type { ErrorCode, ErrorDetails } from '../../core/shared/errors.js';
import type { AfterSalesTexts } from './after-sales-texts.js';
import type { BackupTexts } from './backup-texts.js';
import type { ChartTexts } from './chart-texts.js';
import type { ComplaintChatTexts } from './complaint-chat-texts-zh-cn.js';
import type { DashboardTexts } from './dashboard-texts.js';
import type { ExportChatTexts } from './export-chat-texts.js';
import type { DraftTexts, FollowUpTexts } from './follow-up-texts.js';
import type { OffboardingTexts } from './offboarding-texts.js';
import type { PlanTexts } from './plan-texts.js';
import type { ReportTexts } from './report-texts.js';
import type { StageTexts } from './stage-texts.js';
import type { TaskChatTexts } from './task-chat-texts.js';
import type { TokenChatTexts } from './token-texts.js';

/**
 * Every user-facing text, once per language. Both catalogues are typed with this shape, so a text (or an error
 * code) missing in one language is a compile error, not a blank on someone's phone.
 */
export type Catalogue = {
  readonly roles: Readonly<Record<Role, string>>;
  readonly levels: Readonly<Record<Level, string>>;
  readonly errors: Readonly<Record<ErrorCode, (details: ErrorDetails) => string>>;
  readonly memberStatus: {
    readonly title: string;
    readonly greeting: (name: string) => string;
    readonly team: string;
    readonly level: string;
    readonly dailyCap: string;
    readonly status: string;
    readonly available: string;
    readonly onLeave: string;
    readonly goOnLeave: string;
    readonly backToWork: string;
    readonly noTeam: string;
    readonly role: string;
    /** The greeting of a member who receives no leads (admin, after-sales, a manager who takes none). */
    readonly roleGreeting: (name: string, roles: string) => string;
  };
  readonly help: {
    readonly title: string;
    readonly intro: string;
    readonly commands: Readonly<Record<CommandName, string>>;
    readonly aliasesNote: string;
  };
  readonly lead: LeadTexts;
  readonly afterSales: AfterSalesTexts;
  readonly complaintChat: ComplaintChatTexts;
  readonly charts: ChartTexts;
  readonly taskChat: TaskChatTexts;
  readonly dashboard: DashboardTexts;
  readonly stage: StageTexts;
  readonly plan: PlanTexts;
  readonly report: ReportTexts;
  readonly backups: BackupTexts;
  readonly exports: ExportChatTexts;
  readonly offboarding: OffboardingTexts;
  readonly tokens: TokenChatTexts;
  readonly followUps: FollowUpTexts;
  readonly drafts: DraftTexts;
  readonly link: {
    readonly title: string;
    readonly body: (member: string, platform: string, userId: string) => string;
    readonly approve: string;
    readonly reject: string;
    readonly pending: string;
    readonly approved: (by: string) => string;
    readonly rejected: (by: string) => string;
    readonly welcome: (name: string) => string;
    readonly requested: (name: string) => string;
    readonly done: string;
  };
  readonly availabilityChanged: (onLeave: boolean) => string;
  readonly somethingWentWrong: (reference: string) => string;
};

export const COMMAND_NAMES = [
  'lead',
  'pool',
  'followup',
  'stage',
  'today',
  'overdue',
  'stalled',
  'complaint',
  'hours',
  'tasks',
  'report',
  'export',
  'dashboard',
  'link',
  'member',
  'token',
  'help',
] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

/** The lead card, the 撞单 notice and the "Why me?" explanation. */
export type LeadTexts = {
  readonly title: string;
  readonly poolTitle: string;
  readonly grades: Readonly<Record<Grade, string>>;
  readonly status: {
    readonly [S in LeadStatus]: (ownerName: string) => string;
  };
  readonly releasedBy: (name: string, reason: string) => string;
  readonly fields: {
    readonly name: string;
    readonly company: string;
    readonly region: string;
    readonly productLine: string;
    readonly source: string;
    readonly score: string;
    readonly intent: string;
    readonly phone: string;
    readonly email: string;
    readonly wechat: string;
    readonly reclaimAt: string;
    readonly owner: string;
    /** The lead's short code (`L-1042`), what people type in commands. */
    readonly code: string;
  };
  /** Known sources by their API name; others show as given. */
  readonly sources: Readonly<Record<string, string>>;
  readonly claim: string;
  readonly release: string;
  readonly whyMe: string;
  readonly releaseFromCardReason: string;
  readonly claimed: string;
  readonly released: string;
  readonly duplicateTitle: string;
  /** Matched on the person (phone, email): "your customer X came again". */
  readonly duplicateBody: (source: string, matched: string, who: string) => string;
  /** Matched on the company alone: a new contact of a company you have, not "your customer". */
  readonly duplicateCompanyBody: (source: string, company: string, contact: string) => string;
  readonly duplicateOriginal: string;
  readonly duplicateMatchedOn: string;
  readonly matchedOn: { readonly phone: string; readonly email: string; readonly company: string };
  readonly whyTitle: string;
  readonly why: {
    readonly rule: (name: string) => string;
    readonly strategy: (strategy: string) => string;
    readonly position: (position: number, size: number) => string;
    readonly reason: string;
    readonly skipped: string;
    readonly nobodySkipped: string;
  };
  readonly strategies: Readonly<Record<Strategy, string>>;
  readonly reasons: Readonly<Record<AssignmentReason, string>>;
  /** The system's causes of an event (see EventReason); what people typed is shown as typed. */
  readonly eventReasons: {
    readonly timeout: (hours: number) => string;
    readonly duplicate: string;
    readonly reclaimPeriod: (hours: number) => string;
    readonly stale: (days: number) => string;
    readonly lost: string;
    readonly offboarding: (leaverName: string) => string;
  };
  readonly skipReasons: Readonly<Record<SkipReason, string>>;
  readonly detail: {
    readonly history: string;
    /** Under a history cut to its newest events: how many older ones are not shown. */
    readonly historyDropped: (count: number) => string;
    /** Every kind of history event by name: a new kind without its words does not compile. */
    readonly events: Readonly<Record<OwnershipEventType, string>>;
  };
  readonly followUpStatuses: { readonly unfollowed: string; readonly following: string };
  readonly awaitingDecision: string;
  readonly followUp: string;
  readonly followedUpFromCard: string;
  readonly followedUp: string;
  readonly releaseRequested: string;
  readonly reminder: {
    readonly title: string;
    readonly body: (reclaimAt: string) => string;
    readonly managerTitle: string;
    readonly managerBody: (owner: string, reclaimAt: string) => string;
    readonly done: string;
  };
  readonly approval: {
    readonly title: string;
    readonly pending: string;
    readonly approved: (newOwner: string, by: string) => string;
    readonly kept: (owner: string, by: string) => string;
    readonly types: { readonly manual: string; readonly timeout: string };
    readonly type: string;
    readonly reason: string;
    readonly originalOwner: string;
    readonly approveTo: (name: string) => string;
    readonly keepWith: (name: string) => string;
    readonly threadApproved: (by: string, from: string, to: string) => string;
    readonly threadKept: (by: string, owner: string) => string;
    readonly decided: string;
  };
  /** `/lead` when the member has no open lead: said in words, not a bare "—". */
  readonly noOpenLeads: string;
  readonly pool: {
    readonly empty: string;
    /** `count` in the pool, `shown` of them below (the newest). */
    readonly header: (count: number, shown: number) => string;
  };
  /** Hand assignment (`/lead assign 编号 成员`): the answer to the mover. */
  readonly assign: {
    readonly done: (code: string, name: string) => string;
    readonly toPool: (code: string) => string;
    readonly button: string;
    readonly pick: (code: string) => string;
    readonly poolButton: string;
    /** The old owner's notice of a hand move; `by` absent when an API integration moved it. */
    readonly movedTitle: string;
    readonly movedTo: (code: string, by: string | undefined, to: string) => string;
    readonly movedToPool: (code: string, by: string | undefined) => string;
    readonly movedSummaryTitle: (count: string) => string;
  };
  /** One card for a burst of notices (quiet delivery): a pool summary per channel, a reminder list per person. */
  readonly summary: {
    readonly poolTitle: (count: string) => string;
    readonly campaign: string;
    readonly topScore: string;
    readonly top: string;
    readonly poolHint: string;
    readonly reminderTitle: (count: string) => string;
    readonly reminderBody: string;
    readonly managerTitle: (count: string) => string;
    readonly managerLine: (owner: string, lead: string, reclaimAt: string) => string;
    readonly more: (count: string) => string;
    readonly followUp: (lead: string) => string;
    readonly ownerTitle: (count: string) => string;
    readonly ownerHint: string;
    /** A manager's reminder list: 重新分配 one lead of it. */
    readonly reassign: (lead: string) => string;
  };
};
