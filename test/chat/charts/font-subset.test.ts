import { statSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { chartFontFile } from '../../../src/chat/charts/chart-font.js';
import { baseOption } from '../../../src/chat/charts/chart-style.js';
import { fontFileFor, prepareChartFont } from '../../../src/chat/charts/font-subset.js';
import { rasterize, renderSvg } from '../../../src/chat/charts/render-chart.js';
import { inkIn } from './pixels.js';

// The charts draw with a subset of Noto Sans SC (font-subset.ts): it must draw exactly what the full font draws,
// and a character it lacks must still be drawn (with the full font) rather than dropped.

const TITLE_BOX = { x: 24, y: 18, width: 260, height: 36 };
const svgOf = (title: string) => renderSvg(baseOption(title), 800, 120);

describe("the charts' font subset", () => {
  it('is used once made, is a fraction of the font, and draws the same pixels as the full font', async () => {
    const svg = svgOf('本周销售漏斗：成交 38（53%），¥12,000 → 华东销售组');
    await prepareChartFont();
    const file = fontFileFor(svg);
    expect(file).not.toBe(chartFontFile());
    expect(statSync(file).size).toBeLessThan(statSync(chartFontFile()).size / 3);
    const withSubset = rasterize(svg, file);
    expect(inkIn(withSubset, TITLE_BOX)).toBeGreaterThan(200);
    expect(withSubset.pixels.equals(rasterize(svg, chartFontFile()).pixels)).toBe(true);
  });

  it('hands a character it lacks to the full font, then is made again with it', async () => {
    await prepareChartFont();
    const common = fontFileFor(svgOf('王'));
    const rare = svgOf('堃'); // in GBK, not in GB2312: a name's character the common set does not have
    // The subset as made cannot draw 堃 (so choosing the full font is what keeps it drawn)...
    expect(inkIn(rasterize(rare, common), TITLE_BOX)).toBe(0);
    expect(fontFileFor(rare)).toBe(chartFontFile());
    expect(inkIn(rasterize(rare), TITLE_BOX)).toBeGreaterThan(50);
    // ...and once made again it has 堃 and draws it as the full font does.
    await prepareChartFont();
    const rebuilt = fontFileFor(rare);
    expect(rebuilt).not.toBe(chartFontFile());
    expect(rasterize(rare, rebuilt).pixels.equals(rasterize(rare, chartFontFile()).pixels)).toBe(true);
  });

  it('is not there for the first chart of a process, which draws with the full font while it is made', async () => {
    vi.resetModules();
    const fresh = await import('../../../src/chat/charts/font-subset.js');
    expect(fresh.fontFileFor(svgOf('王'))).toBe(chartFontFile());
    await fresh.prepareChartFont();
    expect(fresh.fontFileFor(svgOf('王'))).not.toBe(chartFontFile());
  });
});
