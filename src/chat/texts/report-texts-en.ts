import type { ReportTexts } from './report-texts.js';
import { taskChatTextsEn } from './task-chat-texts-en.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const day = ([month, d]: readonly [number, number]) => `${MONTHS[month - 1]} ${d}`;

/** What `/report` takes, said after a refusal. */
export const USAGE_EN =
  'Try: /report [this week|last week|this month|last month|2026-11] [team], or /report channels, /report after-sales, /report heatmap.';

export const reportTextsEn: ReportTexts = {
  title: (what, scope, range) => `${what} · ${scope} (${range})`,
  what: {
    report: 'Report',
    weekly: (year, week) => `Weekly report, week ${week} of ${year}`,
    channels: 'Channels',
    afterSales: 'After-sales',
    heatmap: 'Follow-up heat map',
  },
  wholeOrg: 'Whole company',
  range: (from, to) => `${day(from)} – ${day(to)}`,
  assigned: (n) => `Assigned ${n}`,
  leads: (n) => `Leads ${n}`,
  followUps: (n) => `${n} follow-ups`,
  unfollowedRate: (rate) => `unfollowed ${rate}`,
  responseMedian: (d) => `median response ${d}`,
  won: (n, amount) => `won ${n} / ${amount}`,
  duration: taskChatTextsEn.duration,
  noResponse: 'none yet',
  fields: {
    responseP90: 'Response p90',
    followUpsPerLead: 'Follow-ups per lead',
    reclaims: 'Reclaimed',
    conversion: 'Conversion',
    lossReasons: 'Lost because',
  },
  besideMedian: (mine, median) => `${mine} (team median ${median})`,
  me: 'Me',
  teamMedian: 'Team median',
  rankedTitle: 'Ranked by unfollowed rate (who needs a look first)',
  repLine: (rank, name, unfollowed, response, won) =>
    `${rank}. ${name} — unfollowed ${unfollowed} · response ${response} · won ${won}`,
  charts: {
    unfollowedRate: 'Unfollowed rate',
    responseMedian: 'Median response time',
    conversion: 'Conversion',
    funnel: 'Sales funnel',
    heatmap: 'Follow-ups by weekday × hour',
    recency: 'Customers by days since last follow-up',
    channels: 'Channels',
    staff: 'After-sales hours',
    overdueRate: 'Overdue rate',
    hoursUnit: 'h',
  },
  recency: {
    '0-3': '0–3 days',
    '4-7': '4–7 days',
    '8-14': '8–14 days',
    '15-30': '15–30 days',
    '30+': 'over 30 days',
    never: 'never',
  },
  channelColumns: {
    name: 'Source / campaign',
    leads: 'Leads',
    followUpRate: 'Followed up',
    conversion: 'Conversion',
    costPerLead: 'Cost / lead',
    costPerWin: 'Cost / win',
  },
  channelKinds: { source: 'Source', campaign: 'Campaign' },
  afterSales: {
    complaints: (n) => `Complaints ${n}`,
    resolved: (n) => `resolved ${n}`,
    meanToResolve: (h) => `${h} h to resolve on average`,
    columns: {
      staff: 'Staff',
      tasks: 'Tasks',
      reported: 'Reported h',
      approved: 'Approved h',
      overdueRate: 'Overdue',
    },
  },
  empty: {
    leads: (range) => `No leads were assigned in ${range}.`,
    channels: (range) => `No leads came in during ${range}.`,
    afterSales: (range) => `No complaints and no reviewed after-sales tasks in ${range}.`,
    heatmap: (range) => `No follow-ups were recorded in ${range}.`,
    chart: 'No data for this period',
  },
  command: {
    working: 'Drawing the report; it will arrive in your direct messages with Leadrelay in a moment.',
    unknown: (words, teams) =>
      `I don't know "${words}", and no team is called that. ${USAGE_EN}${teams.length ? ` Teams: ${teams.join(', ')}.` : ''}`,
    tooMany: `Give one period and one kind of report at a time. ${USAGE_EN}`,
    forbiddenTeam: (name) =>
      `You may not see the report of "${name}": only your own team and the teams you manage.`,
    forbiddenKind: {
      sales: 'You may not see the sales reports.',
      channels: 'You may not see the channel report.',
      afterSales:
        'You may not see the after-sales report: it is for after-sales managers, directors and admins.',
      heatmap: 'You may not see the follow-up heat map.',
    },
  },
};
