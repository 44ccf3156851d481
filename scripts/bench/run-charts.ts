import {
  barChart,
  type ChartImage,
  funnelChart,
  heatMap,
  prepareChartFont,
  tableImage,
} from '../../src/chat/charts/index.js';
import { zhCN } from '../../src/chat/texts/zh-cn.js';
import { round } from './bench-stats.js';
import { startCpuMeter } from './cpu-meter.js';

// `npm run bench -- --charts [--chart-runs 20]`: the report charts' rendering cost, per chart kind, on inputs the
// size of a real team's week (12 reps, 6 stages, 8 channels, a full weekday × hour map). No database: rendering is
// pure CPU (ECharts builds the SVG, resvg draws it with the CJK font). The judged figure is process.cpuUsage() per
// PNG (all threads), after a warm-up so V8's compilation of ECharts is not counted, with the font subset made
// (font-subset.ts; the time it took is `fontSubset.buildMs`); goal ≤ 100 ms per PNG. `fallback` is a chart with a
// name the subset lacks (王堃): drawn with the full font until the subset is made again with 堃 (`afterRebuild`).

export const CHART_TARGETS = { cpuMsPerPng: 100 } as const;

const REPS = [
  '王芳',
  '李雷',
  '韩梅梅',
  '张伟',
  '刘洋',
  '陈静',
  '杨帆',
  '赵磊',
  '黄丽',
  '周杰',
  '吴敏',
  '徐婷',
];

const RARE_NAME = '王堃';

const KINDS: Readonly<Record<string, () => ChartImage>> = {
  funnel: () =>
    funnelChart({
      title: '本周销售漏斗',
      stages: [
        { name: '新线索', count: 1240 },
        { name: '已联系', count: 910 },
        { name: '有意向', count: 402 },
        { name: '已报价', count: 160 },
        { name: '谈判中', count: 71 },
        { name: '成交', count: 38 },
      ],
      locale: 'zh-CN',
    }),
  bars: () =>
    barChart({
      title: '未跟进率（按销售）',
      unit: '%',
      bars: REPS.map((label, i) => ({ label, value: (i * 37) % 41 })),
      highlight: ['韩梅梅'],
      locale: 'zh-CN',
    }),
  table: () =>
    tableImage({
      title: '各渠道线索',
      columns: ['渠道', '线索', '跟进率', '成交率', '线索成本', '成交成本'],
      rows: ['抖音', '百度推广', '微信广告', '展会', '官网表单', '老客户介绍', '电话营销', '合作伙伴'].map(
        (name, i) => [
          name,
          100 + i * 37,
          `${60 + i * 4}%`,
          `${2 + i}%`,
          `¥${30 + i * 11}`,
          `¥${900 + i * 130}`,
        ],
      ),
      locale: 'zh-CN',
    }),
  heatMap: () =>
    heatMap({
      title: '回访热力图（跟进次数）',
      rows: zhCN.charts.weekdays,
      cols: Array.from({ length: 24 }, (_, h) => zhCN.charts.hour(h)),
      // Working hours busy, evenings light, nights empty: what a sales team's week looks like.
      values: zhCN.charts.weekdays.map((_, d) =>
        Array.from({ length: 24 }, (_, h) =>
          h >= 9 && h <= 18 ? ((d * 7 + h * 3) % 13) + (d < 5 ? 4 : 0) : 0,
        ),
      ),
      locale: 'zh-CN',
    }),
};

export type ChartFigures = {
  readonly width: number;
  readonly height: number;
  readonly pngBytes: number;
  /** process.cpuUsage() over the runs ÷ runs: every thread of this process. */
  readonly cpuMsPerPng: number;
  /** The JavaScript thread's share (null where /proc is not available). */
  readonly mainThreadCpuMsPerPng: number | null;
  readonly wallMsPerPng: number;
};

export async function runCharts(runs: number, progress: (line: string) => void) {
  const began = performance.now();
  await prepareChartFont();
  const fontSubset = { buildMs: round(performance.now() - began) };
  const kinds: Record<string, ChartFigures> = {};
  for (const [kind, draw] of Object.entries(KINDS)) {
    progress(`charts: ${runs} × ${kind}`);
    const figures = measure(draw, runs);
    if (figures) kinds[kind] = figures;
  }
  progress(`charts: ${runs} × bars with ${RARE_NAME}, before and after the subset is made again`);
  const rare = () =>
    barChart({
      title: '未跟进率（按销售）',
      unit: '%',
      bars: [{ label: RARE_NAME, value: 12 }],
      locale: 'zh-CN',
    });
  const fallback = measure(rare, runs, 0);
  await prepareChartFont();
  const afterRebuild = measure(rare, runs);
  const worst = Math.max(...Object.values(kinds).map((k) => k.cpuMsPerPng));
  return {
    ...{ runs, fontSubset, kinds },
    fallback: { name: RARE_NAME, fullFont: fallback, afterRebuild },
    targets: CHART_TARGETS,
    meetsTargets: { cpuMsPerPng: worst <= CHART_TARGETS.cpuMsPerPng },
  };
}

/** `runs` renders after `warmUp` unmeasured ones (V8 compiles ECharts' paths on the first calls). */
function measure(draw: () => ChartImage, runs: number, warmUp = 3): ChartFigures | undefined {
  for (let i = 0; i < warmUp; i++) draw();
  const stop = startCpuMeter();
  let image: ChartImage | undefined;
  for (let i = 0; i < runs; i++) image = draw();
  const reading = stop();
  if (!image) return undefined;
  return {
    width: image.width,
    height: image.height,
    pngBytes: image.png.length,
    cpuMsPerPng: round(reading.cpuMs / runs),
    mainThreadCpuMsPerPng: reading.mainThreadMs === undefined ? null : round(reading.mainThreadMs / runs),
    wallMsPerPng: round((reading.seconds * 1000) / runs),
  };
}
