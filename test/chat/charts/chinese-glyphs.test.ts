import { describe, expect, it } from 'vitest';
import { baseOption } from '../../../src/chat/charts/chart-style.js';
import { emptyChart } from '../../../src/chat/charts/empty-chart.js';
import { rasterize, renderSvg } from '../../../src/chat/charts/render-chart.js';
import { decodePng, inkIn } from './pixels.js';

// resvg drops a glyph silently when no font it was given has it: a chart would come out with empty titles and no
// error. These tests look at the pixels where the Chinese text is.

const TITLE_BOX = { x: 24, y: 18, width: 260, height: 36 };

describe('Chinese labels', () => {
  it('are drawn with the bundled font and are missing without it (so this check can tell)', () => {
    const svg = renderSvg(baseOption('本周销售漏斗'), 800, 120);
    const withFont = rasterize(svg);
    const withoutFont = rasterize(svg, null);
    expect(inkIn(withFont, TITLE_BOX)).toBeGreaterThan(200);
    expect(inkIn(withoutFont, TITLE_BOX)).toBe(0);
  });

  it('come out in the PNG a chart returns: the title and the empty message have ink', () => {
    const image = emptyChart('本周销售漏斗', 'zh-CN');
    const pixels = decodePng(image.png, image.width, image.height);
    expect(inkIn(pixels, TITLE_BOX)).toBeGreaterThan(200);
    const middle = { x: 300, y: image.height / 2 - 20, width: 200, height: 40 };
    expect(inkIn(pixels, middle)).toBeGreaterThan(100);
  });

  it('leave the rest of the picture blank (the ink test is not fooled by a grey background)', () => {
    const image = emptyChart('本周销售漏斗', 'zh-CN');
    const pixels = decodePng(image.png, image.width, image.height);
    expect(inkIn(pixels, { x: 600, y: 10, width: 180, height: 40 })).toBe(0);
  });
});
