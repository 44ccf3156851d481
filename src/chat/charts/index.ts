// Report charts drawn to PNG on the server (ECharts SSR → resvg, Noto Sans SC). Inputs are plain data already in
// the reader's language, so any caller (the weekly digest, /report) can draw them without the figures' types.
export { type BarChartInput, barChart } from './bar-chart.js';
export type { ChartImage } from './chart-image.js';
export { emptyChart } from './empty-chart.js';
export { prepareChartFont } from './font-subset.js';
export { type FunnelChartInput, funnelChart } from './funnel-chart.js';
export { type HeatMapInput, heatMap } from './heat-map.js';
export { type TableCell, type TableImageInput, tableImage } from './table-image.js';
