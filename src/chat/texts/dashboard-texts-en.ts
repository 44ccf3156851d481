import type { ErrorCode, ErrorDetails } from '../../core/shared/errors.js';
import type { DashboardTexts } from './dashboard-texts.js';

const AGAIN = 'Send /dashboard in chat again for a new link.';

export const dashboardTextsEn: DashboardTexts = {
  link: (url, minutes) =>
    `Open the dashboard (the link works once, for ${minutes} minutes; do not forward it):\n${url}`,
  button: 'Open dashboard',
  noFigures:
    'Your role sees no report figures, so there is no dashboard to open. Ask your manager or an admin.',
  page: {
    title: 'Dashboard',
    period: 'Period',
    periods: {
      thisWeek: 'This week',
      lastWeek: 'Last week',
      thisMonth: 'This month',
      lastMonth: 'Last month',
      custom: 'Custom',
    },
    from: 'From',
    to: 'To',
    apply: 'Show',
    team: 'Team',
    allTeams: 'All teams',
    loading: 'Loading…',
    empty: 'Nothing in this period',
    failed: 'Could not load; reload the page to try again',
    summary: {
      assigned: 'Leads assigned',
      unfollowedRate: 'Unfollowed rate',
      responseMedian: 'Response time (median)',
      responseP90: 'Response time (p90)',
      followUpsPerLead: 'Follow-ups per lead',
      conversion: 'Conversion',
      won: 'Won',
      wonAmount: 'Won amount',
      reclaims: 'Reclaims',
      teamMedian: 'team median',
    },
    sections: {
      unfollowed: 'Unfollowed rate per rep',
      response: 'Response time per rep (hours)',
      funnel: 'Funnel',
      lossReasons: 'Why leads were lost',
      channels: 'Channels',
      heatmap: 'Follow-ups by weekday and hour',
      recency: 'Customers by days since their last follow-up',
      afterSales: 'After-sales hours and overdue tasks',
    },
    columns: {
      channel: 'Channel',
      kind: 'Kind',
      leads: 'Leads',
      followUpRate: 'Follow-up rate',
      conversion: 'Conversion',
      won: 'Won',
      costPerLead: 'Cost per lead',
      costPerWin: 'Cost per win',
      staff: 'Staff member',
      tasks: 'Tasks',
      reportedHours: 'Hours reported',
      approvedHours: 'Hours approved',
      overdue: 'Overdue',
      overdueRate: 'Overdue rate',
    },
    kinds: { source: 'Source', campaign: 'Campaign' },
    weekdays: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
    recency: {
      '0-3': '0–3 days',
      '4-7': '4–7 days',
      '8-14': '8–14 days',
      '15-30': '15–30 days',
      '30+': '30+ days',
      never: 'Never',
    },
    units: { hours: 'h', days: 'days', leads: 'leads' },
    items: {
      title: 'Details',
      code: 'Code',
      name: 'Customer',
      owner: 'Owner',
      stage: 'Stage',
      phone: 'Phone',
      assigned: 'Assigned',
      response: 'Response',
      notResponded: 'Not followed up',
      task: 'Task',
      customer: 'Customer',
      due: 'Due',
      status: 'Status',
      none: 'Nothing behind this figure',
      more: 'More',
      close: 'Close',
      clickHint: 'Click a bar to list the leads or tasks behind it',
    },
    signIn: {
      title: 'Cannot sign in to the dashboard',
      used: `This link was used already. ${AGAIN}`,
      expired: `This link has expired (it works for 10 minutes). ${AGAIN}`,
      unknown: `This link is not valid. ${AGAIN}`,
      needed: `Please sign in first. ${AGAIN}`,
    },
  },
};

const REFUSALS: Readonly<Record<string, string>> = dashboardTextsEn.page.signIn;

export const dashboardErrorsEn = {
  DASHBOARD_LINK_INVALID: (d: ErrorDetails) =>
    REFUSALS[String(d.reason)] ?? dashboardTextsEn.page.signIn.unknown,
} satisfies Partial<Record<ErrorCode, (d: ErrorDetails) => string>>;
