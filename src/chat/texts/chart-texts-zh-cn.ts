import type { ChartTexts } from './chart-texts.js';

export const chartTextsZhCN: ChartTexts = {
  empty: '本周没有数据',
  separator: '，',
  titled: (title, body) => `${title}：${body}`,
  funnelStage: (name, count, rate) => (rate ? `${name} ${count}（${rate}）` : `${name} ${count}`),
  tableRow: (first, cells) => `${first} — ${cells}`,
  cell: (column, value) => `${column} ${value}`,
  heatMapSummary: (total, row, col, peak) => `合计 ${total}，最多在${row} ${col}（${peak}）`,
  weekdays: ['周一', '周二', '周三', '周四', '周五', '周六', '周日'],
  hour: (hour) => `${hour}时`,
};
