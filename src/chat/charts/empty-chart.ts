import type { Locale } from '../../core/org/types.js';
import { textsFor } from '../texts/texts-for.js';
import type { ChartImage } from './chart-image.js';
import { baseOption, COLORS, FONT } from './chart-style.js';
import { renderChart } from './render-chart.js';

const HEIGHT = 240;

/**
 * What a chart with nothing to show draws: its title and "本周没有数据" (or the caller's own words for another
 * period), so a quiet week still gets its picture instead of an error or an empty axis.
 */
export function emptyChart(title: string, locale: Locale, empty?: string): ChartImage {
  const texts = textsFor(locale).charts;
  const message = empty ?? texts.empty;
  const option = {
    ...baseOption(title),
    graphic: [
      {
        type: 'text',
        left: 'center',
        top: 'middle',
        style: { text: message, fontSize: FONT.title, fill: COLORS.muted },
      },
    ],
  };
  return renderChart(option, { height: HEIGHT }, texts.titled(title, message));
}
