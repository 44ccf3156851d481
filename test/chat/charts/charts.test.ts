import { describe, expect, it } from 'vitest';
import { barChart, funnelChart, heatMap, tableImage } from '../../../src/chat/charts/index.js';
import { decodePng, inkIn, isPng } from './pixels.js';

const STAGES = [
  { name: '新线索', count: 120 },
  { name: '已联系', count: 80 },
  { name: '成交', count: 6 },
];

describe('funnelChart', () => {
  it('says each stage, its count and its share of the stage before it in the alt text', () => {
    const image = funnelChart({ title: '本周漏斗', stages: STAGES, locale: 'zh-CN' });
    expect(isPng(image.png)).toBe(true);
    expect(image.alt).toBe('本周漏斗：新线索 120 → 已联系 80（67%） → 成交 6（8%）');
  });

  it('says it in English for an English reader', () => {
    const image = funnelChart({ title: 'Funnel', stages: STAGES, locale: 'en' });
    expect(image.alt).toBe('Funnel: 新线索 120 → 已联系 80 (67%) → 成交 6 (8%)');
  });

  it('draws "本周没有数据" when no stage has a lead', () => {
    const image = funnelChart({ title: '本周漏斗', stages: [{ name: '新线索', count: 0 }], locale: 'zh-CN' });
    expect(image.alt).toBe('本周漏斗：本周没有数据');
    expect(image.height).toBe(240);
  });
});

describe('barChart', () => {
  const bars = [
    { label: '王芳', value: 12.5 },
    { label: '李雷', value: 8 },
  ];

  it('carries every bar with its number and unit in the alt text', () => {
    const image = barChart({ title: '未跟进率', unit: '%', bars, locale: 'zh-CN' });
    expect(image.alt).toBe('未跟进率：王芳 12.5%，李雷 8%');
    const hours = barChart({ title: 'Response time', unit: 'h', bars, locale: 'en' });
    expect(hours.alt).toBe('Response time: 王芳 12.5 h, 李雷 8 h');
  });

  it('grows with the number of bars, so each keeps its room on a phone', () => {
    const two = barChart({ title: '未跟进率', unit: '%', bars, locale: 'zh-CN' });
    const four = barChart({ title: '未跟进率', unit: '%', bars: [...bars, ...bars], locale: 'zh-CN' });
    expect(four.height).toBeGreaterThan(two.height);
    expect(two.width).toBe(800);
  });

  it('draws the highlighted bar in another colour', () => {
    const plain = barChart({ title: '未跟进率', unit: '%', bars, locale: 'zh-CN' });
    const marked = barChart({ title: '未跟进率', unit: '%', bars, highlight: ['王芳'], locale: 'zh-CN' });
    expect(marked.png.equals(plain.png)).toBe(false);
    expect(marked.alt).toBe(plain.alt);
  });

  it('draws "本周没有数据" for no bars, or the caller\'s words for another period', () => {
    expect(barChart({ title: '未跟进率', unit: '%', bars: [], locale: 'zh-CN' }).alt).toBe(
      '未跟进率：本周没有数据',
    );
    const month = barChart({
      title: '未跟进率',
      unit: '%',
      bars: [],
      locale: 'zh-CN',
      empty: '本月没有数据',
    });
    expect(month.alt).toBe('未跟进率：本月没有数据');
  });
});

describe('tableImage', () => {
  it('carries each row with its column names in the alt text, numbers formatted', () => {
    const image = tableImage({
      title: '渠道',
      columns: ['渠道', '线索', '成交'],
      rows: [
        ['抖音', 1200, 5],
        ['展会', 20, 4],
      ],
      locale: 'zh-CN',
    });
    expect(image.alt).toBe('渠道：抖音 — 线索 1,200，成交 5；展会 — 线索 20，成交 4');
    const pixels = decodePng(image.png, image.width, image.height);
    // The first row's name is drawn (Chinese, left) below the header.
    expect(inkIn(pixels, { x: 24, y: 112, width: 120, height: 40 })).toBeGreaterThan(50);
  });

  it('draws "本周没有数据" for no rows', () => {
    const image = tableImage({ title: '渠道', columns: ['渠道'], rows: [], locale: 'zh-CN' });
    expect(image.alt).toBe('渠道：本周没有数据');
  });
});

describe('heatMap', () => {
  const rows = ['周一', '周二'];
  const cols = ['9时', '10时', '11时'];

  it('says the total and the busiest cell in the alt text', () => {
    const image = heatMap({
      title: '回访',
      rows,
      cols,
      values: [
        [1, 2, 0],
        [0, 7, 3],
      ],
      locale: 'zh-CN',
    });
    expect(image.alt).toBe('回访：合计 13，最多在周二 10时（7）');
  });

  it('draws "本周没有数据" when every cell is 0 or missing', () => {
    const image = heatMap({ title: '回访', rows, cols, values: [[0, 0, 0]], locale: 'zh-CN' });
    expect(image.alt).toBe('回访：本周没有数据');
  });
});
