import type { Locale } from '../../core/org/types.js';
import { textsFor } from '../texts/texts-for.js';
import { CHART_FONT_FAMILY } from './chart-font.js';
import type { ChartImage } from './chart-image.js';
import { baseOption, CHART_WIDTH, COLORS, FONT, formatNumber } from './chart-style.js';
import { emptyChart } from './empty-chart.js';
import { renderChart } from './render-chart.js';

export type TableCell = string | number;

export type TableImageInput = {
  readonly title: string;
  readonly columns: readonly string[];
  /** One row per line, cells in column order; numbers are formatted and right-aligned. */
  readonly rows: readonly (readonly TableCell[])[];
  readonly locale: Locale;
  readonly empty?: string;
};

const TOP = 72;
const ROW = 40;
const SIDE = 24;
/** The first column names the row (a channel, a campaign) and gets the room of two. */
const FIRST_SHARE = 2;

/**
 * A table as a picture (the channel table): a table in a chat card would wrap column by column on a phone, a
 * picture keeps its rows. Drawn with ECharts' graphic elements, so it goes through the same renderer and font.
 */
export function tableImage(input: TableImageInput): ChartImage {
  if (input.rows.length === 0) return emptyChart(input.title, input.locale, input.empty);
  const texts = textsFor(input.locale).charts;
  const show = (cell: TableCell | undefined) =>
    typeof cell === 'number' ? formatNumber(cell, input.locale) : (cell ?? '');
  const columns = columnLayout(input.columns.length, input.rows);
  const lines = [input.columns, ...input.rows.map((row) => row.map(show))];
  const graphic = lines.flatMap((line, r) => rowElements(line, r, columns));
  const height = TOP + ROW * lines.length + SIDE;
  const body = input.rows
    .map((row) => {
      const cells = row.slice(1).map((cell, i) => texts.cell(input.columns[i + 1] ?? '', show(cell)));
      return texts.tableRow(show(row[0]), cells.join(texts.separator));
    })
    .join('；');
  return renderChart({ ...baseOption(input.title), graphic }, { height }, texts.titled(input.title, body));
}

type Column = { readonly x: number; readonly width: number; readonly numeric: boolean };

/** A number, or a number with a currency sign or a percent sign: read down a column, so aligned right. */
const NUMERIC = /^[-+]?[¥$€]?[\d.,]+%?$/;

function columnLayout(count: number, rows: readonly (readonly TableCell[])[]): Column[] {
  const unit = (CHART_WIDTH - 2 * SIDE) / (count + FIRST_SHARE - 1);
  return Array.from({ length: count }, (_, i) => ({
    x: i === 0 ? SIDE : SIDE + unit * (FIRST_SHARE + i - 1),
    width: i === 0 ? unit * FIRST_SHARE : unit,
    numeric: i > 0 && rows.every((row) => typeof row[i] === 'number' || NUMERIC.test(String(row[i] ?? '0'))),
  }));
}

/** Row 0 is the header; data rows are striped; numeric columns, their header too, are aligned right. */
function rowElements(line: readonly string[], r: number, columns: readonly Column[]): object[] {
  const y = TOP + r * ROW;
  const band = r === 0 || r % 2 === 0 ? [] : [stripe(y)];
  const cells = columns.map((column, c) => {
    const numeric = column.numeric;
    const pad = 10;
    return {
      type: 'text',
      x: numeric ? column.x + column.width - pad : column.x + pad,
      y: y + ROW / 2,
      style: {
        text: line[c] ?? '',
        width: column.width - 2 * pad,
        overflow: 'truncate',
        align: numeric ? 'right' : 'left',
        verticalAlign: 'middle',
        fontFamily: CHART_FONT_FAMILY,
        fontSize: r === 0 ? FONT.small : FONT.label,
        fill: r === 0 ? COLORS.muted : COLORS.text,
      },
    };
  });
  return [...band, ...cells, rule(y + ROW)];
}

function stripe(y: number): object {
  return {
    type: 'rect',
    shape: { x: SIDE, y, width: CHART_WIDTH - 2 * SIDE, height: ROW },
    style: { fill: COLORS.stripe },
  };
}

function rule(y: number): object {
  return {
    type: 'line',
    shape: { x1: SIDE, y1: y, x2: CHART_WIDTH - SIDE, y2: y },
    style: { stroke: COLORS.line, lineWidth: 1 },
  };
}
