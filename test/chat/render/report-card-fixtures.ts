import {
  type RepFigures,
  type Report,
  type ReportCardData,
  reportCardData,
} from '../../../src/core/reports/index.js';
import { customerId, memberId, teamId } from '../../../src/core/shared/ids.js';

// Figures as computeReport returns them, for the card tests and the zh-CN scan: a team of three reps over a week.

const HOUR = 3_600_000;
export const TEAM_EAST = teamId('00000000000000000000b001');
export const TEAM_NORTH = teamId('00000000000000000000b002');
export const ZHANG = memberId('00000000000000000000c001');
export const LI = memberId('00000000000000000000c002');
export const WANG = memberId('00000000000000000000c005');

const rep = (over: Partial<RepFigures>): RepFigures => ({
  assigned: 10,
  unfollowed: 1,
  unfollowedRate: 0.1,
  reclaims: 1,
  responded: 9,
  responseMedianMs: 2 * HOUR,
  responseP90Ms: 6 * HOUR,
  followUpsPerLead: 2.5,
  won: 1,
  wonAmount: 50_000,
  conversion: 0.1,
  ...over,
});

export const REPS: RepFigures[] = [
  rep({ memberId: ZHANG, name: '张伟', unfollowed: 1, unfollowedRate: 0.1, won: 2, wonAmount: 120_000 }),
  rep({ memberId: LI, name: '李娜', unfollowed: 4, unfollowedRate: 0.4, responseMedianMs: 9 * HOUR, won: 0 }),
  rep({
    memberId: WANG,
    name: '王强',
    assigned: 5,
    unfollowed: 0,
    unfollowedRate: 0,
    responseMedianMs: HOUR / 2,
  }),
];
export const TOTAL = rep({
  assigned: 25,
  unfollowed: 5,
  unfollowedRate: 0.2,
  reclaims: 3,
  responseMedianMs: 1.5 * HOUR,
  won: 3,
  wonAmount: 170_000,
  conversion: 0.12,
});

const cells = Array.from({ length: 7 }, (_, d) =>
  Array.from({ length: 24 }, (_, h) => (d < 5 && h === 10 ? 6 : 0)),
);

export const WEEK_REPORT: Report = {
  period: { from: new Date('2026-11-23T16:00:00Z'), to: new Date('2026-11-30T16:00:00Z') },
  timeZone: 'Asia/Shanghai',
  teams: [{ id: TEAM_EAST, name: '华东组' }],
  scope: { teamIds: [TEAM_EAST], sales: true, afterSales: true },
  total: TOTAL,
  reps: REPS,
  teamMedians: {
    unfollowedRate: 0.1,
    responseMedianMs: 2 * HOUR,
    followUpsPerLead: 2.5,
    conversion: 0.1,
    reclaims: 1,
  },
  funnel: {
    stages: [
      { key: 'new', name: '新线索', kind: 'open', leads: 10, reached: 25 },
      { key: 'contacted', name: '已联系', kind: 'open', leads: 8, reached: 15 },
      { key: 'quote', name: '报价', kind: 'quote', leads: 4, reached: 6 },
      { key: 'won', name: '成交', kind: 'won', leads: 3, reached: 3 },
      { key: 'lost', name: '流失', kind: 'lost', leads: 2, reached: 2 },
    ],
    lossReasons: [{ reason: '价格太高', leads: 2 }],
  },
  channels: [
    {
      kind: 'source',
      name: 'website',
      leads: 20,
      followUpRate: 0.9,
      conversion: 0.1,
      won: 2,
      wonAmount: 100_000,
    },
    { kind: 'source', name: 'ad', leads: 5, followUpRate: 0.6, conversion: 0.2, won: 1, wonAmount: 70_000 },
    {
      kind: 'campaign',
      name: '双十二',
      leads: 12,
      followUpRate: 0.8,
      conversion: 0.25,
      won: 3,
      wonAmount: 170_000,
      cost: 6000,
      currency: 'CNY',
      costPerLead: 500,
      costPerWin: 2000,
    },
  ],
  heatmap: { cells, recency: { '0-3': 12, '4-7': 5, '8-14': 2, '15-30': 1, '30+': 0, never: 3 } },
  afterSales: {
    from: new Date('2026-11-23T16:00:00Z'),
    to: new Date('2026-11-30T16:00:00Z'),
    staff: [
      {
        assigneeId: memberId('00000000000000000000c009'),
        assigneeName: '陈静',
        tasks: 4,
        reportedHours: 12.5,
        approvedHours: 11,
        overdue: 1,
        overdueRate: 0.25,
      },
    ],
    customers: [
      {
        customerId: customerId('00000000000000000000d001'),
        customerName: '上海云启',
        complaints: 3,
        resolved: 2,
        meanHoursToResolve: 5,
      },
      {
        customerId: customerId('00000000000000000000d002'),
        customerName: '杭州数联',
        complaints: 1,
        resolved: 1,
        meanHoursToResolve: 2,
      },
    ],
  },
};

/** The same week with nothing in it. */
export const EMPTY_REPORT: Report = {
  ...WEEK_REPORT,
  total: {
    assigned: 0,
    unfollowed: 0,
    unfollowedRate: 0,
    reclaims: 0,
    responded: 0,
    followUpsPerLead: 0,
    won: 0,
    wonAmount: 0,
    conversion: 0,
  },
  reps: [],
  funnel: {
    stages: WEEK_REPORT.funnel?.stages.map((s) => ({ ...s, leads: 0, reached: 0 })) ?? [],
    lossReasons: [],
  },
  channels: [],
  heatmap: {
    cells: cells.map((row) => row.map(() => 0)),
    recency: { '0-3': 0, '4-7': 0, '8-14': 0, '15-30': 0, '30+': 0, never: 0 },
  },
  afterSales: { ...(WEEK_REPORT.afterSales as NonNullable<Report['afterSales']>), staff: [], customers: [] },
};

/** A rep's report as computeReport scopes it: their own row only, the team as medians. */
export const REP_REPORT: Report = {
  ...WEEK_REPORT,
  scope: { teamIds: [TEAM_EAST], onlyMemberId: LI, sales: true, afterSales: false },
  reps: REPS.filter((r) => r.memberId === LI),
  total: REPS[1] as RepFigures,
};

export const TEAM_TOTALS = [
  { teamId: TEAM_EAST, name: '华东组', total: TOTAL },
  {
    teamId: TEAM_NORTH,
    name: '华北组',
    total: rep({ assigned: 14, unfollowedRate: 0.05, responseMedianMs: HOUR }),
  },
];

/** One card of every view with figures: report-card.test.ts draws each (and scans it for Latin words) in a test of its own. */
export function fullCards(): ReportCardData[] {
  const org: Report = {
    ...WEEK_REPORT,
    scope: { sales: true, afterSales: true },
    teams: [
      { id: TEAM_EAST, name: '华东组' },
      { id: TEAM_NORTH, name: '华北组' },
    ],
  };
  return [
    reportCardData('team', WEEK_REPORT),
    reportCardData('teams', org, { teamTotals: TEAM_TOTALS }),
    reportCardData('org', org, { teamTotals: TEAM_TOTALS }),
    reportCardData('rep', REP_REPORT, { memberId: LI }),
    reportCardData('channels', WEEK_REPORT),
    reportCardData('afterSales', WEEK_REPORT),
    reportCardData('heatmap', WEEK_REPORT),
  ];
}

/** Every view with an empty period: words only, no chart. */
export const emptyCards = (): ReportCardData[] =>
  (['team', 'org', 'rep', 'channels', 'afterSales', 'heatmap'] as const).map((view) =>
    reportCardData(view, EMPTY_REPORT, view === 'rep' ? { memberId: LI } : {}),
  );

/**
 * What the zh-CN scan of every notice kind draws: the empty views and one card with a chart. Every chart is drawn
 * for real (tens of ms each, seconds on a busy machine), so the views with figures are scanned one test each in
 * report-card.test.ts rather than all in the scan's one test.
 */
export const sampleCards = (): ReportCardData[] => [...emptyCards(), reportCardData('channels', WEEK_REPORT)];
