import { parseArgs } from 'node:util';

export type BenchArgs = {
  /** Sequential single-lead intakes measured (0 skips the scenario). */
  readonly single: number;
  /** Leads sent through batch intake (0 skips the scenario). */
  readonly batch: number;
  /** Leads per intakeLeadsBatch call (at most MAX_BATCH). */
  readonly chunk: number;
  /** Single leads taken in before measuring, so the first calls' compilation is not counted. */
  readonly warmup: number;
  /** Exit 1 when a target is missed. */
  readonly strict: boolean;
};

export const BENCH_USAGE =
  'usage: tsx scripts/bench.ts [--single 300] [--batch 10000] [--chunk 1000] [--warmup 20] [--strict]';

/** Reads the bench's flags; a bad value throws an Error that names the flag. */
export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      single: { type: 'string', default: '300' },
      batch: { type: 'string', default: '10000' },
      chunk: { type: 'string', default: '1000' },
      warmup: { type: 'string', default: '20' },
      strict: { type: 'boolean', default: false },
    },
    strict: true,
  });
  return {
    single: count('single', values.single, 0),
    batch: count('batch', values.batch, 0),
    chunk: count('chunk', values.chunk, 1),
    warmup: count('warmup', values.warmup, 0),
    strict: values.strict,
  };
}

function count(flag: string, raw: string, min: number): number {
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < min) {
    throw new Error(`--${flag} must be a whole number ≥ ${min} (got "${raw}"). ${BENCH_USAGE}`);
  }
  return n;
}
