import type { Locale } from '../../core/org/index.js';
import { RECENCY_BUCKETS, type RepFigures, type Report } from '../../core/reports/index.js';

/** One table of a report export: a CSV block or an XLSX sheet. */
export type ReportTable = {
  readonly name: string;
  readonly headers: readonly string[];
  readonly rows: readonly (readonly (string | number | null)[])[];
};
export const EXPORT_SECTIONS = ['summary', 'reps', 'funnel', 'channels', 'heatmap', 'after-sales'] as const;
export type ExportSection = (typeof EXPORT_SECTIONS)[number];

type Words = Record<string, string>;
// Headers in the org's language (zh-CN orgs open these in Excel in China); the figures' definitions are the README's.
const WORDS: Readonly<Record<Locale, Words>> = {
  'zh-CN': {
    rep: '销售',
    assigned: '分配线索',
    unfollowed: '未按时跟进',
    unfollowedRate: '未跟进率(%)',
    reclaims: '回收',
    responded: '已跟进',
    responseMedianH: '响应时间中位数(小时)',
    responseP90H: '响应时间P90(小时)',
    followUpsPerLead: '每线索跟进次数',
    won: '成交',
    wonAmount: '成交金额',
    conversion: '成交转化率(%)',
    total: '合计',
    medians: '团队中位数',
    stage: '阶段',
    leads: '线索数',
    reached: '到达',
    toNext: '进入下一阶段(%)',
    medianDays: '停留天数中位数',
    lossReason: '流失原因',
    kind: '类型',
    name: '名称',
    source: '来源',
    campaign: '活动',
    followUpRate: '跟进率(%)',
    cost: '成本',
    currency: '币种',
    costPerLead: '线索成本',
    costPerWin: '成交成本',
    weekday: '星期',
    recency: '距上次跟进天数',
    customers: '客户数',
    staff: '售后人员',
    tasks: '工单',
    reportedHours: '申报工时',
    approvedHours: '核定工时',
    overdue: '超时',
    overdueRate: '超时率(%)',
    customer: '客户',
    complaints: '投诉',
    resolved: '已解决',
    meanHours: '平均解决时间(小时)',
    never: '从未跟进',
    days: '天',
    funnel: '漏斗',
    heatmap: '回访热力图',
    afterSales: '售后',
    channels: '渠道',
    summary: '汇总',
    reps: '销售明细',
    weekdays: '周一,周二,周三,周四,周五,周六,周日',
  },
  en: {
    rep: 'Rep',
    assigned: 'Assigned',
    unfollowed: 'Unfollowed by deadline',
    unfollowedRate: 'Unfollowed rate (%)',
    reclaims: 'Reclaims',
    responded: 'Followed up',
    responseMedianH: 'Response median (h)',
    responseP90H: 'Response p90 (h)',
    followUpsPerLead: 'Follow-ups per lead',
    won: 'Won',
    wonAmount: 'Won amount',
    conversion: 'Conversion (%)',
    total: 'Total',
    medians: 'Team median',
    stage: 'Stage',
    leads: 'Leads',
    reached: 'Reached',
    toNext: 'To next stage (%)',
    medianDays: 'Median days in stage',
    lossReason: 'Loss reason',
    kind: 'Kind',
    name: 'Name',
    source: 'Source',
    campaign: 'Campaign',
    followUpRate: 'Follow-up rate (%)',
    cost: 'Cost',
    currency: 'Currency',
    costPerLead: 'Cost per lead',
    costPerWin: 'Cost per win',
    weekday: 'Weekday',
    recency: 'Days since last follow-up',
    customers: 'Customers',
    staff: 'Staff',
    tasks: 'Tasks',
    reportedHours: 'Hours reported',
    approvedHours: 'Hours approved',
    overdue: 'Overdue',
    overdueRate: 'Overdue rate (%)',
    customer: 'Customer',
    complaints: 'Complaints',
    resolved: 'Resolved',
    meanHours: 'Mean hours to resolve',
    never: 'Never',
    days: 'days',
    funnel: 'Funnel',
    heatmap: 'Heat map',
    afterSales: 'After-sales',
    channels: 'Channels',
    summary: 'Summary',
    reps: 'Reps',
    weekdays: 'Mon,Tue,Wed,Thu,Fri,Sat,Sun',
  },
};

const pct = (share: number | undefined) => (share === undefined ? null : Math.round(share * 1000) / 10);
const hours = (ms: number | undefined) => (ms === undefined ? null : Math.round(ms / 36_000) / 100);
const round2 = (n: number | undefined) => (n === undefined ? null : Math.round(n * 100) / 100);

const REP_COLUMNS = [
  'assigned',
  'unfollowed',
  'unfollowedRate',
  'reclaims',
  'responded',
  'responseMedianH',
  'responseP90H',
  'followUpsPerLead',
  'won',
  'wonAmount',
  'conversion',
] as const;

function repRow(label: string, r: Partial<RepFigures>) {
  return [
    ...[label, r.assigned ?? null, r.unfollowed ?? null, pct(r.unfollowedRate), r.reclaims ?? null],
    ...[r.responded ?? null, hours(r.responseMedianMs), hours(r.responseP90Ms), round2(r.followUpsPerLead)],
    ...[r.won ?? null, r.wonAmount ?? null, pct(r.conversion)],
  ];
}

const repHeaders = (w: Words) => [w.rep as string, ...REP_COLUMNS.map((c) => w[c] as string)];

const BUILDERS: Readonly<Record<ExportSection, (r: Report, w: Words) => ReportTable[]>> = {
  summary: (r, w) => [
    {
      name: w.summary as string,
      headers: repHeaders(w),
      rows: [
        ...(r.total ? [repRow(r.total.name ?? (w.total as string), r.total)] : []),
        ...(r.teamMedians ? [repRow(w.medians as string, r.teamMedians)] : []),
      ],
    },
  ],
  reps: (r, w) => [
    {
      name: w.reps as string,
      headers: repHeaders(w),
      rows: (r.reps ?? []).map((x) => repRow(x.name ?? x.memberId ?? '', x)),
    },
  ],
  funnel: (r, w) => [
    {
      name: w.funnel as string,
      headers: [w.stage, w.leads, w.reached, w.toNext, w.medianDays] as string[],
      rows: (r.funnel?.stages ?? []).map((s) => [
        s.name,
        s.leads,
        s.reached,
        pct(s.toNext),
        round2(s.medianDaysInStage),
      ]),
    },
    {
      name: w.lossReason as string,
      headers: [w.lossReason, w.leads] as string[],
      rows: (r.funnel?.lossReasons ?? []).map((l) => [l.reason, l.leads]),
    },
  ],
  channels: (r, w) => [
    {
      name: w.channels as string,
      headers: [
        w.kind,
        w.name,
        w.leads,
        w.followUpRate,
        w.conversion,
        w.won,
        w.wonAmount,
        w.cost,
        w.currency,
        w.costPerLead,
        w.costPerWin,
      ] as string[],
      rows: (r.channels ?? []).map((c) => [
        ...[w[c.kind] as string, c.name, c.leads, pct(c.followUpRate), pct(c.conversion), c.won, c.wonAmount],
        ...[c.cost ?? null, c.currency ?? null, round2(c.costPerLead), round2(c.costPerWin)],
      ]),
    },
  ],
  heatmap: (r, w) => [
    {
      name: w.heatmap as string,
      headers: [w.weekday as string, ...Array.from({ length: 24 }, (_, h) => `${h}`)],
      rows: (r.heatmap?.cells ?? []).map((row, d) => [
        (w.weekdays as string).split(',')[d] ?? `${d}`,
        ...row,
      ]),
    },
    {
      name: w.recency as string,
      headers: [w.recency, w.customers] as string[],
      rows: RECENCY_BUCKETS.map((b) => [
        b === 'never' ? (w.never as string) : `${b} ${w.days}`,
        r.heatmap?.recency[b] ?? 0,
      ]),
    },
  ],
  'after-sales': (r, w) => [
    {
      name: w.staff as string,
      headers: [w.staff, w.tasks, w.reportedHours, w.approvedHours, w.overdue, w.overdueRate] as string[],
      rows: (r.afterSales?.staff ?? []).map((s) => [
        ...[s.assigneeName, s.tasks, s.reportedHours, s.approvedHours, s.overdue, pct(s.overdueRate)],
      ]),
    },
    {
      name: w.customer as string,
      headers: [w.customer, w.complaints, w.resolved, w.meanHours] as string[],
      rows: (r.afterSales?.customers ?? []).map((c) => [
        c.customerName,
        c.complaints,
        c.resolved,
        round2(c.meanHoursToResolve),
      ]),
    },
  ],
};

/** The tables of one section of a report, headed in the org's language. */
export function reportTables(section: ExportSection, report: Report, locale: Locale): ReportTable[] {
  return BUILDERS[section](report, WORDS[locale]);
}
