import type { RecencyBucket } from '../../core/reports/index.js';

/** The words of the report card (`/report` and the weekly digest) and of `/report`'s answers. */
export type ReportTexts = {
  /** "报表 · 华东组（11月24日 – 11月30日）": what the card is, whose, when. */
  readonly title: (what: string, scope: string, range: string) => string;
  /** What the card is: the figures, the week's digest, or one view's. */
  readonly what: {
    readonly report: string;
    /** The digest's ISO week. */
    readonly weekly: (year: number, week: number) => string;
    readonly channels: string;
    readonly afterSales: string;
    readonly heatmap: string;
  };
  readonly wholeOrg: string;
  /** "11月24日 – 11月30日" from local dates (month, day). */
  readonly range: (from: readonly [number, number], to: readonly [number, number]) => string;
  readonly assigned: (n: string) => string;
  readonly leads: (n: string) => string;
  readonly followUps: (n: string) => string;
  readonly unfollowedRate: (rate: string) => string;
  readonly responseMedian: (duration: string) => string;
  readonly won: (n: string, amount: string) => string;
  /** "1 小时 30 分"; "2 天"; "45 分钟". */
  readonly duration: (ms: number) => string;
  readonly noResponse: string;
  readonly fields: {
    readonly responseP90: string;
    readonly followUpsPerLead: string;
    readonly reclaims: string;
    readonly conversion: string;
    readonly lossReasons: string;
  };
  /** A rep's figure beside the team's median: "12%（组中位 20%）". */
  readonly besideMedian: (mine: string, median: string) => string;
  readonly me: string;
  readonly teamMedian: string;
  /** The ranked reps' heading, and one rep's line. */
  readonly rankedTitle: string;
  readonly repLine: (rank: number, name: string, unfollowed: string, response: string, won: string) => string;
  readonly charts: {
    readonly unfollowedRate: string;
    readonly responseMedian: string;
    readonly conversion: string;
    readonly funnel: string;
    readonly heatmap: string;
    readonly recency: string;
    readonly channels: string;
    readonly staff: string;
    readonly overdueRate: string;
    readonly hoursUnit: string;
  };
  readonly recency: Readonly<Record<RecencyBucket, string>>;
  readonly channelColumns: {
    readonly name: string;
    readonly leads: string;
    readonly followUpRate: string;
    readonly conversion: string;
    readonly costPerLead: string;
    readonly costPerWin: string;
  };
  readonly channelKinds: { readonly source: string; readonly campaign: string };
  readonly afterSales: {
    readonly complaints: (n: string) => string;
    readonly resolved: (n: string) => string;
    readonly meanToResolve: (hours: string) => string;
    readonly columns: {
      readonly staff: string;
      readonly tasks: string;
      readonly reported: string;
      readonly approved: string;
      readonly overdueRate: string;
    };
  };
  /** An empty period said plainly, in place of empty charts. */
  readonly empty: {
    readonly leads: (range: string) => string;
    readonly channels: (range: string) => string;
    readonly afterSales: (range: string) => string;
    readonly heatmap: (range: string) => string;
    /** Drawn in a chart of a period with nothing to show. */
    readonly chart: string;
  };
  /** `/report`'s own answers. */
  readonly command: {
    /** The answer while the card is drawn and delivered (to the asker's DM, where its images are uploaded). */
    readonly working: string;
    /** Words that are neither a period, a kind of report nor a team: what is accepted, and the teams by name. */
    readonly unknown: (words: string, teams: readonly string[]) => string;
    readonly tooMany: string;
    readonly forbiddenTeam: (name: string) => string;
    readonly forbiddenKind: Readonly<Record<'channels' | 'afterSales' | 'heatmap' | 'sales', string>>;
  };
};
