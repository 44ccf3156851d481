import type { StageDefinition } from '../customers/index.js';
import type { Campaign, CampaignTotals, ChannelRow, CohortFigures } from './ports.js';
import { rate } from './report-math.js';
import { msToDays } from './report-period.js';
import type { ChannelFigures, Funnel, FunnelStage, Heatmap, RecencyBucket } from './report-types.js';

/** The funnel in the org's stage order; a stage's conversion is to the next stage of the pipeline (流失 is not one). */
export function funnelOf(stages: readonly StageDefinition[], cohort: CohortFigures): Funnel {
  const pipeline = stages.filter((s) => s.kind !== 'lost');
  const rows = stages.map((s): FunnelStage => {
    const reached = cohort.stageReached[s.key] ?? 0;
    const next = s.kind === 'lost' ? undefined : pipeline[pipeline.indexOf(s) + 1];
    const medianMs = cohort.stageMedianMs[s.key];
    return {
      ...{ key: s.key, name: s.name, kind: s.kind, leads: cohort.stageLeads[s.key] ?? 0, reached },
      ...(next ? { toNext: rate(cohort.stageReached[next.key] ?? 0, reached) } : {}),
      ...(medianMs !== undefined ? { medianDaysInStage: msToDays(medianMs) } : {}),
    };
  });
  return { stages: rows, lossReasons: cohort.lossReasons };
}

/** Channel rows with the campaign costs spread over each campaign's leads and wins of all time. */
export function channelsOf(
  rows: readonly ChannelRow[],
  campaigns: readonly Campaign[],
  totals: readonly CampaignTotals[],
): ChannelFigures[] {
  const costs = new Map(campaigns.map((c) => [c.name, c]));
  const allTime = new Map(totals.map((t) => [t.name, t]));
  return rows.map((r): ChannelFigures => {
    const base = {
      ...{ kind: r.kind, name: r.name, leads: r.leads, won: r.won, wonAmount: r.wonAmount },
      followUpRate: rate(r.followed, r.leads),
      conversion: rate(r.won, r.leads),
    };
    const cost = r.kind === 'campaign' ? costs.get(r.name) : undefined;
    if (!cost) return base;
    const t = allTime.get(r.name);
    return {
      ...base,
      cost: cost.cost,
      currency: cost.currency,
      ...(t?.leads ? { costPerLead: cost.cost / t.leads } : {}),
      ...(t?.won ? { costPerWin: cost.cost / t.won } : {}),
    };
  });
}

/** The 7 × 24 grid from the database's (weekday, hour) counts. */
export function heatmapOf(
  hours: readonly { weekday: number; hour: number; followUps: number }[],
  recency: Readonly<Record<RecencyBucket, number>>,
): Heatmap {
  const cells = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0));
  for (const h of hours) {
    const row = cells[h.weekday];
    if (row && h.hour >= 0 && h.hour < 24) row[h.hour] = (row[h.hour] ?? 0) + h.followUps;
  }
  return { cells, recency };
}
