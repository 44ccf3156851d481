import type { AfterSalesFigureSet } from '../after-sales/index.js';
import type { MemberId, TeamId } from '../shared/ids.js';

/**
 * The figures of issue #14, defined once. The README's "Reports: what each figure means" repeats these words.
 * The cohort of a period is the leads **assigned in it**: `assignedAt` (the current owner's assignment, the time
 * routing, a claim or a hand-over gave the lead to them) in `[from, to)`, in the teams asked for.
 */
export type ReportPeriod = { readonly from: Date; readonly to: Date };

/** The figures of one rep over the cohort, or of the whole scope (no `memberId`). */
export type RepFigures = {
  readonly memberId?: MemberId;
  readonly name?: string;
  /**
   * Leads assigned in the period, plus those the ladder reclaimed from the rep in it (never followed up by the
   * deadline: each is an assignment missed, and the lead has left the rep, so it is no longer in the cohort).
   */
  readonly assigned: number;
  /**
   * Of `assigned`, not followed up by their deadline (`reclaimAt`, the ladder's reclaim time) once it passed: still
   * `unfollowed` at the deadline, or first followed up after it; every ladder reclaim counts as one.
   */
  readonly unfollowed: number;
  /** `unfollowed ÷ assigned`; 0 when nothing was assigned. */
  readonly unfollowedRate: number;
  /**
   * Leads reclaimed from the rep in the period: by the ladder (unfollowed by the deadline) or by the contact plan
   * (a followed lead left too long without a follow-up). A lead reclaimed twice in one period counts once (its
   * latest reclaim is what is stored).
   */
  readonly reclaims: number;
  /** Cohort leads followed up since their assignment: the ones response time is measured on. */
  readonly responded: number;
  /**
   * Response time: assignment → the owner's first follow-up, in ms, median and 90th percentile (nearest rank: the
   * value at rank ⌈p·n⌉ of the sorted times); absent when no lead was followed up.
   */
  readonly responseMedianMs?: number;
  readonly responseP90Ms?: number;
  /** Follow-up records the cohort's leads have (corrections not counted) ÷ cohort leads. */
  readonly followUpsPerLead: number;
  /** Cohort leads now in a `won` stage, and the sum of their deals' amounts. */
  readonly won: number;
  readonly wonAmount: number;
  /** Conversion: `won ÷ assigned` (cohort leads only, reclaims not counted). */
  readonly conversion: number;
};

/** The middle of the reps' own figures (the median rep), shown beside a rep's figures. */
export type TeamMedians = Pick<
  RepFigures,
  'unfollowedRate' | 'responseMedianMs' | 'followUpsPerLead' | 'conversion' | 'reclaims'
>;

/** The funnel of the cohort, stages in the org's pipeline order. */
export type FunnelStage = {
  readonly key: string;
  readonly name: string;
  readonly kind: string;
  /** Cohort leads in this stage now. */
  readonly leads: number;
  /** Cohort leads that were ever in this stage (now, or as the from/to of a recorded stage change). */
  readonly reached: number;
  /** Stage-to-stage conversion: `reached` of the next open/quote/won stage ÷ this one's `reached` (absent for the last). */
  readonly toNext?: number;
  /** Median days the cohort's leads sat in this stage before leaving it (completed stays only); absent when none left. */
  readonly medianDaysInStage?: number;
};

export type Funnel = {
  readonly stages: readonly FunnelStage[];
  /** 流失 reasons of the cohort's lost leads, most frequent first. */
  readonly lossReasons: readonly { readonly reason: string; readonly leads: number }[];
};

/** A source or a campaign over the leads **created** in the period (intake time), in the teams asked for. */
export type ChannelFigures = {
  readonly kind: 'source' | 'campaign';
  readonly name: string;
  readonly leads: number;
  /** Share of them with at least one follow-up record. */
  readonly followUpRate: number;
  /** Share of them now won, and the deals' sum. */
  readonly conversion: number;
  readonly won: number;
  readonly wonAmount: number;
  /**
   * Campaigns with a cost (PUT /api/v1/campaigns/:name): the cost spread over the campaign's leads of all time, and
   * over its wins of all time (absent without wins). Sources carry no cost.
   */
  readonly cost?: number;
  readonly currency?: string;
  readonly costPerLead?: number;
  readonly costPerWin?: number;
};

/** The recency buckets of "customers by days since their last follow-up". */
export const RECENCY_BUCKETS = ['0-3', '4-7', '8-14', '15-30', '30+', 'never'] as const;
export type RecencyBucket = (typeof RECENCY_BUCKETS)[number];

export type Heatmap = {
  /**
   * Follow-up records made in the period by the scope's members, by weekday (0 = Monday) × hour (0–23) in the org's
   * time zone: `cells[weekday][hour]`.
   */
  readonly cells: readonly (readonly number[])[];
  /**
   * Open owned leads (assigned or claimed, not won or lost) of the scope by whole days since their latest follow-up,
   * as of now (a lead keeps only its latest follow-up, so a past period's recency cannot be rebuilt); `never` when
   * they have none.
   */
  readonly recency: Readonly<Record<RecencyBucket, number>>;
};

/** What a caller's role lets them see (decided in core, report-scope.ts). */
export type ReportScope = {
  /** Absent: the whole org. */
  readonly teamIds?: readonly TeamId[];
  /** A rep: only their own row among the reps; totals and medians are their team's. */
  readonly onlyMemberId?: MemberId;
  readonly sales: boolean;
  readonly afterSales: boolean;
};

export const REPORT_SECTIONS = ['summary', 'reps', 'funnel', 'channels', 'heatmap', 'afterSales'] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

/** computeReport's answer: every section asked for, already scoped; what renders it needs no further query. */
export type Report = {
  readonly period: ReportPeriod;
  readonly timeZone: string;
  readonly teams: readonly { readonly id: TeamId; readonly name: string }[];
  readonly scope: ReportScope;
  readonly total?: RepFigures;
  readonly reps?: readonly RepFigures[];
  readonly teamMedians?: TeamMedians;
  readonly funnel?: Funnel;
  readonly channels?: readonly ChannelFigures[];
  readonly heatmap?: Heatmap;
  readonly afterSales?: AfterSalesFigureSet;
};
