import type { AfterSalesFigures } from '../after-sales/index.js';
import type { MemberRepository, TeamRepository } from '../org/index.js';
import type { Clock } from '../shared/clock.js';
import type { MemberId, OrgId, TeamId } from '../shared/ids.js';
import type { RecencyBucket, ReportPeriod } from './report-types.js';

/** What every figure query is narrowed by: the period, the teams (absent: the whole org) and the moment "now". */
export type FigureQuery = ReportPeriod & {
  readonly teamIds?: readonly TeamId[];
  /** min(to, now): a deadline after it has not passed yet, and recency is counted up to it. */
  readonly asOf: Date;
  /** The org's stage keys of kind `won` and `lost` (core knows the org's stage list; storage does not). */
  readonly wonKeys: readonly string[];
  readonly lostKeys: readonly string[];
  /** A rep's own leads only (their funnel, channels, recency). */
  readonly ownerId?: MemberId;
};

/** The cohort's figures per owner, as the database counted them (before core adds the reclaims). */
export type CohortRow = {
  readonly memberId?: MemberId;
  readonly name?: string;
  readonly assigned: number;
  readonly unfollowed: number;
  readonly responded: number;
  readonly responseMedianMs?: number;
  readonly responseP90Ms?: number;
  readonly followUps: number;
  readonly won: number;
  readonly wonAmount: number;
};

export type CohortFigures = {
  readonly reps: readonly CohortRow[];
  readonly total: CohortRow;
  /** Stage key → cohort leads in it now; → ever in it; → median ms of completed stays. */
  readonly stageLeads: Readonly<Record<string, number>>;
  readonly stageReached: Readonly<Record<string, number>>;
  readonly stageMedianMs: Readonly<Record<string, number>>;
  readonly lossReasons: readonly { readonly reason: string; readonly leads: number }[];
};

export type ChannelRow = {
  readonly kind: 'source' | 'campaign';
  readonly name: string;
  readonly leads: number;
  readonly followed: number;
  readonly won: number;
  readonly wonAmount: number;
};

export type ReclaimRow = { readonly memberId: MemberId; readonly reclaims: number; readonly missed: number };

/** A campaign's all-time leads and wins in the org, which its cost is spread over. */
export type CampaignTotals = { readonly name: string; readonly leads: number; readonly won: number };

/** The report figures, each one aggregation in the database over indexed fields (org + time first). */
export interface ReportQueries {
  /** One `$facet` over the leads assigned in the period: per owner, in total, and the funnel. */
  cohort(orgId: OrgId, q: FigureQuery): Promise<CohortFigures>;
  /** Leads whose latest reclaim was in the period, per member it was reclaimed from (`missed`: the ladder's ones). */
  reclaims(orgId: OrgId, q: FigureQuery): Promise<ReclaimRow[]>;
  /** Leads created in the period, per source and per campaign. */
  channels(orgId: OrgId, q: FigureQuery): Promise<ChannelRow[]>;
  campaignTotals(
    orgId: OrgId,
    names: readonly string[],
    wonKeys: readonly string[],
  ): Promise<CampaignTotals[]>;
  /** Follow-up records made in the period (by `authorIds` when given), by local weekday (0 = Monday) and hour. */
  followUpHours(
    orgId: OrgId,
    q: ReportPeriod & { readonly authorIds?: readonly MemberId[]; readonly offsetMs: number },
  ): Promise<{ weekday: number; hour: number; followUps: number }[]>;
  /** Open owned leads of the teams by days since their latest follow-up, as of `asOf`. */
  recency(orgId: OrgId, q: FigureQuery): Promise<Record<RecencyBucket, number>>;
}

/** A campaign's cost as an admin or director entered it (`PUT /api/v1/campaigns/:name`). */
export type Campaign = {
  readonly orgId: OrgId;
  /** As the leads carry it (`lead.campaign`), exactly. */
  readonly name: string;
  readonly cost: number;
  readonly currency: string;
  readonly updatedAt: Date;
  readonly updatedById?: MemberId;
};

export interface CampaignRepository {
  /** One upsert on the unique (orgId, name) index: the last write wins, a retry writes the same. */
  setCost(orgId: OrgId, campaign: Omit<Campaign, 'orgId'>): Promise<Campaign>;
  list(orgId: OrgId, names?: readonly string[]): Promise<Campaign[]>;
}

export type ReportDeps = {
  readonly reports: ReportQueries;
  readonly campaigns: CampaignRepository;
  readonly teams: Pick<TeamRepository, 'list'>;
  readonly members: Pick<MemberRepository, 'list'>;
  /** The after-sales figures port (core/after-sales computes them once; reports only show them). */
  readonly afterSalesFigures: AfterSalesFigures;
  readonly clock: Clock;
};
