import type { MemberId, OrgId } from '../shared/ids.js';
import type { FigureQuery } from './ports.js';
import type { ReportPeriod } from './report-types.js';

/**
 * The figures a dashboard click drills into, each listing what it counts: a rep's unfollowed leads (their cohort
 * leads unfollowed by the deadline, and the ladder's reclaims from them), a rep's cohort leads by response time,
 * the cohort leads now in a stage, a source's or campaign's leads created in the period, a staff member's overdue
 * tasks among those approved in the period.
 */
export const REPORT_ITEM_FIGURES = ['unfollowed', 'response', 'stage', 'channel', 'overdue'] as const;
export type ReportItemFigure = (typeof REPORT_ITEM_FIGURES)[number];

/** One lead behind a figure, as the database has it (the phone is masked by core before it leaves). */
export type LeadItemRow = {
  readonly code?: string;
  readonly name?: string;
  readonly company?: string;
  readonly phone?: string;
  readonly ownerName?: string;
  readonly stageKey: string;
  readonly source: string;
  readonly campaign?: string;
  readonly assignedAt?: Date;
  /** Assignment → first follow-up, when the lead was followed up since its assignment. */
  readonly responseMs?: number;
  readonly createdAt: Date;
};

export type TaskItemRow = {
  readonly code: string;
  readonly complaintCode: string;
  readonly customerName: string;
  readonly assigneeName: string;
  readonly status: string;
  readonly dueAt: Date;
};

export type LeadItemQuery = FigureQuery & {
  readonly figure: Exclude<ReportItemFigure, 'overdue'>;
  /** The rep of `unfollowed` and `response`. */
  readonly memberId?: MemberId;
  readonly stageKey?: string;
  readonly channel?: { readonly kind: 'source' | 'campaign'; readonly name: string };
  readonly skip: number;
  readonly limit: number;
};

export type TaskItemQuery = ReportPeriod & {
  readonly assigneeId?: MemberId;
  readonly skip: number;
  readonly limit: number;
};

export type ItemPage<T> = { readonly items: readonly T[]; readonly total: number };

/** The listings, each one aggregation on the same index as its figure's (org + time first), a page at a time. */
export interface ReportItemQueries {
  leadItems(orgId: OrgId, q: LeadItemQuery): Promise<ItemPage<LeadItemRow>>;
  taskItems(orgId: OrgId, q: TaskItemQuery): Promise<ItemPage<TaskItemRow>>;
}
