import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';

/** A file the page loads, read once, with its content hash in its URL (so it may be cached for a year). */
export type DashboardAsset = {
  readonly path: string;
  readonly type: string;
  readonly body: Buffer;
  /** Compressed once, on first use: ECharts is 1.1 MB raw, about a third of it gzipped. */
  readonly gzipped: () => Buffer;
};

export const ASSET_PREFIX = '/dashboard/assets/';

function asset(name: string, ext: string, type: string, body: Buffer): DashboardAsset {
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  let gz: Buffer | undefined;
  return {
    path: `${ASSET_PREFIX}${name}.${hash}.${ext}`,
    type,
    body,
    gzipped: () => {
      gz ??= gzipSync(body, { level: 9 });
      return gz;
    },
  };
}

const own = (file: string) => readFileSync(new URL(`./static/${file}`, import.meta.url));

let cached: { script: DashboardAsset; style: DashboardAsset; echarts: DashboardAsset } | undefined;

/**
 * The page's three files: its own script and style, and ECharts' browser build from the installed package (no CDN:
 * the page works offline and on a network that blocks one), its version in its name.
 */
export function dashboardAssets() {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const version = (require('echarts/package.json') as { version: string }).version;
  const echarts = readFileSync(require.resolve('echarts/dist/echarts.min.js'));
  cached = {
    script: asset('dashboard', 'js', 'application/javascript; charset=utf-8', own('dashboard.js')),
    style: asset('dashboard', 'css', 'text/css; charset=utf-8', own('dashboard.css')),
    echarts: asset(`echarts-${version}`, 'js', 'application/javascript; charset=utf-8', echarts),
  };
  return cached;
}
