import { CHART_FONT_FAMILY } from './chart-font.js';

// One look for every chart: sized for a phone (the platforms scale an image to the screen's width, so ~800 px keeps
// 16 px labels readable), the sandbox page's blue as the one colour, grey for the rest, orange for what to look at.

export const CHART_WIDTH = 800;

export const COLORS = {
  accent: '#1664ff',
  accentSoft: '#bed2ff',
  highlight: '#f77234',
  text: '#1d2129',
  muted: '#86909c',
  line: '#e5e6eb',
  stripe: '#f7f8fa',
  background: '#ffffff',
} as const;

export const FONT = { title: 24, label: 16, small: 14 } as const;

/** What every option starts with: no animation (a still picture), our font, a white background. */
export function baseOption(title: string) {
  return {
    animation: false,
    backgroundColor: COLORS.background,
    textStyle: { fontFamily: CHART_FONT_FAMILY, color: COLORS.text, fontSize: FONT.label },
    title: {
      text: title,
      left: 24,
      top: 18,
      textStyle: {
        fontFamily: CHART_FONT_FAMILY,
        fontSize: FONT.title,
        fontWeight: 'normal',
        color: COLORS.text,
      },
    },
  };
}

const formats = new Map<string, Intl.NumberFormat>();

/** Numbers as the reader writes them (12,345 / 12,345; 3.5). */
export function formatNumber(value: number, locale: string, digits = 1): string {
  // One formatter per locale and precision: making one costs ~15 µs, and a heat map formats ~170 numbers.
  const key = `${locale}/${digits}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: digits });
    formats.set(key, format);
  }
  return format.format(value);
}
