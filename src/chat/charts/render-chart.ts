import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import { CHART_FONT_FAMILY } from './chart-font.js';
import type { ChartImage } from './chart-image.js';
import { CHART_WIDTH } from './chart-style.js';
import { fontFileFor } from './font-subset.js';

/** An ECharts option as plain data (the charts build object literals; ECharts checks them when drawing). */
export type ChartOption = Readonly<Record<string, unknown>>;

export type ChartSize = { readonly width?: number; readonly height: number };

/**
 * An ECharts option drawn to PNG on the server: ECharts' SVG renderer without a DOM (ssr), then resvg with the
 * bundled CJK font. https://echarts.apache.org/handbook/en/how-to/cross-platform/server/
 */
export function renderChart(option: ChartOption, size: ChartSize, alt: string): ChartImage {
  const width = size.width ?? CHART_WIDTH;
  const svg = renderSvg(option, width, size.height);
  return { png: svgToPng(svg), width, height: size.height, alt };
}

export function renderSvg(option: ChartOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    // An undisposed SSR chart keeps its timers and the process does not exit.
    chart.dispose();
  }
}

export function svgToPng(svg: string): Buffer {
  return rasterize(svg).asPng();
}

/**
 * The SVG as pixels (resvg's RenderedImage: `pixels` is RGBA, `asPng()` encodes), by default with the font subset
 * when it has the SVG's characters, else the full font (font-subset.ts). `fontFile: null` draws without any font,
 * which is what the test that proves Chinese is drawn compares against.
 */
export function rasterize(svg: string, fontFile: string | null = fontFileFor(svg)) {
  const resvg = new Resvg(svg, {
    font: {
      fontFiles: fontFile ? [fontFile] : [],
      loadSystemFonts: false,
      defaultFontFamily: CHART_FONT_FAMILY,
      sansSerifFamily: CHART_FONT_FAMILY,
    },
  });
  return resvg.render();
}
