/**
 * The words a chart image draws or says in its alt text. Titles, names and units come from the caller, already in
 * the reader's language; these are only the glue: the empty image, separators and the alt text's sentences.
 */
export type ChartTexts = {
  /** Drawn in place of a chart whose input has nothing to show. */
  readonly empty: string;
  /** Between the items of an alt text's list. */
  readonly separator: string;
  /** "标题：…" */
  readonly titled: (title: string, body: string) => string;
  /** A funnel stage with its share of the stage before it: "联系 80（67%）". */
  readonly funnelStage: (name: string, count: string, rate?: string) => string;
  /** A table row in the alt text: "抖音 — 线索 120，成交 5". */
  readonly tableRow: (first: string, cells: string) => string;
  /** A cell: "线索 120". */
  readonly cell: (column: string, value: string) => string;
  /** The heat map's alt text: the total and where it peaks. */
  readonly heatMapSummary: (total: string, row: string, col: string, peak: string) => string;
  /** The weekday names, Monday first, for callers that draw a week. */
  readonly weekdays: readonly [string, string, string, string, string, string, string];
  /** An hour label on the heat map: "9时" / "9h". */
  readonly hour: (hour: number) => string;
};
