import type { StageDefinition } from '../customers/index.js';
import type { FigureQuery } from './ports.js';
import type { ReportPeriod, ReportScope } from './report-types.js';

/**
 * What storage is asked for a figure, built in one place so a figure (computeReport) and the leads listed behind it
 * (listReportItems) can never read different cohorts: the period, the scope's teams, `asOf` = min(to, now) (a
 * deadline after it has not passed yet), and the org's won and lost stage keys (storage does not know the stages).
 */
export function figureQuery(
  period: ReportPeriod,
  scope: Pick<ReportScope, 'teamIds'>,
  stages: readonly Pick<StageDefinition, 'key' | 'kind'>[],
  now: Date,
): FigureQuery {
  return {
    ...period,
    ...(scope.teamIds ? { teamIds: scope.teamIds } : {}),
    asOf: new Date(Math.min(period.to.getTime(), now.getTime())),
    wonKeys: stages.filter((s) => s.kind === 'won').map((s) => s.key),
    lostKeys: stages.filter((s) => s.kind === 'lost').map((s) => s.key),
  };
}
