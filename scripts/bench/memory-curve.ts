import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { ExportSink } from '../../src/core/exports/index.js';

/** This process's memory when so much of the export had been written, as growth over its start (MB). */
export type MemoryPoint = {
  readonly percent: number;
  readonly rows: number;
  readonly seconds: number;
  readonly rssGrowthMb: number;
  /** RSS again right after that collection: what the process keeps, without the garbage V8 had let pile up. */
  readonly rssAfterCollectionGrowthMb: number;
  /** The heap still in use after a full collection: what the export holds, without garbage not yet collected. */
  readonly liveHeapGrowthMb: number;
};

const mb = (n: number) => Math.round((n / 1e6) * 10) / 10;

// A full collection at each point (three per run, a few ms each) so the heap figure is what is held, not when V8
// last collected. `npm run bench` starts node without --expose-gc, so the flag is set here.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

const collected = (now: NodeJS.MemoryUsage, start: NodeJS.MemoryUsage) => ({
  rssAfterCollectionGrowthMb: mb(now.rss - start.rss),
  liveHeapGrowthMb: mb(now.heapUsed - start.heapUsed),
});

/**
 * Wraps an export's sink to sample memory as the rows pass 10 %, 50 % and 100 % of the expected count (a full
 * collection first, so the run starts from what is really held): a flat
 * curve (the same growth at 10 % as at 100 %) is what "streamed" means, whatever the peak. Counting in the sink,
 * not through streamExport's onProgress, keeps the export's own database commands as they are (onProgress makes
 * it count the rows first, one more query).
 */
export function memoryCurve(
  sink: ExportSink,
  expectedRows: number,
  onPoint: (point: MemoryPoint) => void = () => {},
  percents: readonly number[] = [10, 50, 100],
) {
  collect();
  const start = process.memoryUsage();
  const began = performance.now();
  const marks = percents.map((percent) => ({
    percent,
    rows: Math.max(1, Math.ceil((expectedRows * percent) / 100)),
  }));
  const points: MemoryPoint[] = [];
  let rows = 0;
  const wrapped: ExportSink = {
    header: (cells) => sink.header(cells),
    async row(cells) {
      await sink.row(cells);
      rows += 1;
      const due = marks[points.length];
      if (due && rows === due.rows) {
        const rss = process.memoryUsage().rss;
        collect();
        const point = {
          ...due,
          seconds: Math.round((performance.now() - began) / 100) / 10,
          rssGrowthMb: mb(rss - start.rss),
          ...collected(process.memoryUsage(), start),
        };
        points.push(point);
        onPoint(point);
      }
    },
    end: () => sink.end(),
  };
  return { sink: wrapped, points: (): readonly MemoryPoint[] => points };
}
