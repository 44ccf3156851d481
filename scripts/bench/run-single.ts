import { intakeLead } from '../../src/core/leads/intake-lead.js';
import type { BenchEnvironment } from './bench-environment.js';
import { percentile, round } from './bench-stats.js';
import { type CommandCounter, type CommandTally, totalOf } from './command-counter.js';
import { type CpuFigures, cpuFigures, startCpuMeter } from './cpu-meter.js';
import { fakeLead } from './fake-leads.js';

export type SingleFigures = CpuFigures & {
  leads: number;
  seconds: number;
  leadsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  dbCommandsPerLead: number;
  /** The breakdown by command name most calls had ("one typical call"). */
  commands: CommandTally;
  /** How many calls sent how many commands: {"5": 226, "3": 74}. */
  commandsPerCallHistogram: Record<string, number>;
};

/** `count` sequential intakeLead calls with leads `from`…; each call's commands are counted on their own. */
export async function runSingle(
  env: BenchEnvironment,
  counter: CommandCounter,
  from: number,
  count: number,
  idleRate = 0,
): Promise<SingleFigures> {
  const latencies: number[] = [];
  const perCall: CommandTally[] = [];
  const meter = startCpuMeter();
  for (let i = 0; i < count; i++) {
    const mark = counter.mark();
    const t0 = performance.now();
    const result = await intakeLead(env.deps, env.actor, { lead: fakeLead(from + i) });
    latencies.push(performance.now() - t0);
    perCall.push(counter.since(mark));
    if (!result.created)
      throw new Error(`single lead ${from + i} was not created (replay of ${result.lead.id})`);
  }
  const reading = meter();
  const seconds = reading.seconds;
  const totals = perCall.map(totalOf);
  return {
    leads: count,
    seconds: round(seconds, 2),
    leadsPerSec: round(count / seconds, 1),
    p50Ms: round(percentile(latencies, 50), 2),
    p99Ms: round(percentile(latencies, 99), 2),
    dbCommandsPerLead: round(totals.reduce((a, b) => a + b, 0) / count),
    ...cpuFigures(reading, count, idleRate),
    commands: typical(perCall),
    commandsPerCallHistogram: histogram(totals),
  };
}

function typical(calls: readonly CommandTally[]): CommandTally {
  const seen = new Map<string, { tally: CommandTally; n: number }>();
  for (const tally of calls) {
    const key = JSON.stringify(Object.entries(tally).sort());
    const entry = seen.get(key) ?? { tally, n: 0 };
    entry.n++;
    seen.set(key, entry);
  }
  return [...seen.values()].sort((a, b) => b.n - a.n)[0]?.tally ?? {};
}

function histogram(values: readonly number[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return out;
}
