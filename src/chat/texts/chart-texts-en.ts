import type { ChartTexts } from './chart-texts.js';

export const chartTextsEn: ChartTexts = {
  empty: 'No data this week',
  separator: ', ',
  titled: (title, body) => `${title}: ${body}`,
  funnelStage: (name, count, rate) => (rate ? `${name} ${count} (${rate})` : `${name} ${count}`),
  tableRow: (first, cells) => `${first} — ${cells}`,
  cell: (column, value) => `${column} ${value}`,
  heatMapSummary: (total, row, col, peak) => `${total} in all, most on ${row} at ${col} (${peak})`,
  weekdays: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
  hour: (hour) => `${hour}h`,
};
