import { intakeLeadsBatch } from '../../src/core/leads/intake-leads-batch.js';
import type { BenchEnvironment } from './bench-environment.js';
import { percentile, round } from './bench-stats.js';
import { addTally, type CommandCounter, type CommandTally, totalOf } from './command-counter.js';
import { type CpuFigures, cpuFigures, startCpuMeter } from './cpu-meter.js';
import { fakeLeads } from './fake-leads.js';

export type BatchFigures = CpuFigures & {
  leads: number;
  chunkSize: number;
  chunks: number;
  seconds: number;
  leadsPerSec: number;
  /** Per-chunk latency divided by the chunk's size. */
  p50MsPerLead: number;
  p99MsPerLead: number;
  chunkP50Ms: number;
  chunkP99Ms: number;
  dbCommandsPerLead: number;
  /** All commands of the scenario by name. */
  commands: CommandTally;
  /** Leads the batch answered with created: false or a validation failure (should be 0). */
  notCreated: number;
};

/** `count` leads from lead `from` on, through intakeLeadsBatch in sequential chunks of `chunkSize`. */
export async function runBatch(
  env: BenchEnvironment,
  counter: CommandCounter,
  options: {
    from: number;
    count: number;
    chunkSize: number;
    idleRate?: number;
    progress: (line: string) => void;
  },
): Promise<BatchFigures> {
  const { from, count, chunkSize, progress } = options;
  const chunkMs: number[] = [];
  const perLeadMs: number[] = [];
  const commands: CommandTally = {};
  let notCreated = 0;
  const meter = startCpuMeter();
  for (let at = 0; at < count; at += chunkSize) {
    const leads = fakeLeads(from + at, Math.min(chunkSize, count - at));
    const mark = counter.mark();
    const t0 = performance.now();
    const results = await intakeLeadsBatch(env.deps, env.actor, { leads });
    const ms = performance.now() - t0;
    addTally(commands, counter.since(mark));
    chunkMs.push(ms);
    perLeadMs.push(ms / leads.length);
    notCreated += results.filter((r) => !r.ok || !r.created).length;
    progress(`batch: ${at + leads.length}/${count} leads (chunk ${Math.round(ms)} ms)`);
  }
  const reading = meter();
  const seconds = reading.seconds;
  return {
    leads: count,
    chunkSize,
    chunks: chunkMs.length,
    seconds: round(seconds, 2),
    leadsPerSec: round(count / seconds, 1),
    p50MsPerLead: round(percentile(perLeadMs, 50)),
    p99MsPerLead: round(percentile(perLeadMs, 99)),
    chunkP50Ms: round(percentile(chunkMs, 50), 1),
    chunkP99Ms: round(percentile(chunkMs, 99), 1),
    dbCommandsPerLead: round(totalOf(commands) / count, 4),
    ...cpuFigures(reading, count, options.idleRate ?? 0),
    commands,
    notCreated,
  };
}
