import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The family name inside the TTF: what the SVG's `font-family` and resvg's default must say. */
export const CHART_FONT_FAMILY = 'Noto Sans SC';

let fontFile: string | undefined;

/**
 * The CJK font the charts are drawn with: Noto Sans SC (OFL) from the `@expo-google-fonts/noto-sans-sc` package, so
 * every deploy has it without a system font. resvg drops a glyph silently when no font has it, so the font is never
 * left to the system (`loadSystemFonts: false`). Resolved once per process. Charts draw with a subset of it
 * (font-subset.ts) and with the whole file only for a character the subset lacks.
 */
export function chartFontFile(): string {
  fontFile ??= require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');
  return fontFile;
}
