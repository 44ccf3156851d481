import type { RecencyBucket } from '../../core/reports/index.js';

/** The dashboard's words: the `/看板` reply, and the page's labels (sent to the browser with the figures). */
export type DashboardTexts = {
  /** The private reply with the sign-in link. */
  readonly link: (url: string, minutes: number) => string;
  /** The report card's button that sends the clicker their own sign-in link. */
  readonly button: string;
  /** The button pressed by a member whose role sees no figure. */
  readonly noFigures: string;
  readonly page: DashboardPageTexts;
};

/** Plain strings only: the page's script receives them as JSON and never builds HTML from them. */
export type DashboardPageTexts = {
  readonly title: string;
  readonly period: string;
  readonly periods: {
    readonly thisWeek: string;
    readonly lastWeek: string;
    readonly thisMonth: string;
    readonly lastMonth: string;
    readonly custom: string;
  };
  readonly from: string;
  readonly to: string;
  readonly apply: string;
  readonly team: string;
  readonly allTeams: string;
  readonly loading: string;
  readonly empty: string;
  readonly failed: string;
  readonly summary: {
    readonly assigned: string;
    readonly unfollowedRate: string;
    readonly responseMedian: string;
    readonly responseP90: string;
    readonly followUpsPerLead: string;
    readonly conversion: string;
    readonly won: string;
    readonly wonAmount: string;
    readonly reclaims: string;
    readonly teamMedian: string;
  };
  readonly sections: {
    readonly unfollowed: string;
    readonly response: string;
    readonly funnel: string;
    readonly lossReasons: string;
    readonly channels: string;
    readonly heatmap: string;
    readonly recency: string;
    readonly afterSales: string;
  };
  readonly columns: {
    readonly channel: string;
    readonly kind: string;
    readonly leads: string;
    readonly followUpRate: string;
    readonly conversion: string;
    readonly won: string;
    readonly costPerLead: string;
    readonly costPerWin: string;
    readonly staff: string;
    readonly tasks: string;
    readonly reportedHours: string;
    readonly approvedHours: string;
    readonly overdue: string;
    readonly overdueRate: string;
  };
  readonly kinds: { readonly source: string; readonly campaign: string };
  readonly weekdays: readonly [string, string, string, string, string, string, string];
  readonly recency: Readonly<Record<RecencyBucket, string>>;
  readonly units: { readonly hours: string; readonly days: string; readonly leads: string };
  readonly items: {
    readonly title: string;
    readonly code: string;
    readonly name: string;
    readonly owner: string;
    readonly stage: string;
    readonly phone: string;
    readonly assigned: string;
    readonly response: string;
    readonly notResponded: string;
    readonly task: string;
    readonly customer: string;
    readonly due: string;
    readonly status: string;
    readonly none: string;
    readonly more: string;
    readonly close: string;
    readonly clickHint: string;
  };
  readonly signIn: {
    readonly title: string;
    readonly used: string;
    readonly expired: string;
    readonly unknown: string;
    readonly needed: string;
  };
};
