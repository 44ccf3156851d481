import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { round } from './bench-stats.js';

export type CpuReading = {
  /** User + system CPU of the whole process (every thread: main, V8's compiler and GC helpers, libuv). */
  readonly cpuMs: number;
  /** CPU of the main (JavaScript) thread alone; undefined where /proc is not available. */
  readonly mainThreadMs: number | undefined;
  readonly seconds: number;
};

export type CpuFigures = {
  /** The judged figure: process.cpuUsage() over the loop, divided by the leads. */
  cpuMsPerLead: number;
  /** The same less what this process burns while merely waiting (idleCpuMsPerSec × time not running JS). */
  cpuMsPerLeadNetOfIdle: number;
  /** The JavaScript thread's share; the rest is V8's background compiler and GC threads (null: no /proc). */
  mainThreadCpuMsPerLead: number | null;
};

// Linux's per-thread counters, in clock ticks (USER_HZ, 100 a second on every mainstream kernel).
const TICK_MS = 10;
function mainThreadCpuMs(): number | undefined {
  try {
    const stat = readFileSync(`/proc/${process.pid}/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return undefined;
  }
}

/** Starts measuring; call the result to read the CPU and wall time since. */
export function startCpuMeter(): () => CpuReading {
  const cpu = process.cpuUsage();
  const main = mainThreadCpuMs();
  const t0 = performance.now();
  return () => {
    const d = process.cpuUsage(cpu);
    const mainNow = mainThreadCpuMs();
    return {
      cpuMs: (d.user + d.system) / 1000,
      mainThreadMs: main === undefined || mainNow === undefined ? undefined : mainNow - main,
      seconds: (performance.now() - t0) / 1000,
    };
  };
}

/**
 * CPU this process spends per second doing nothing but wait (the driver's pool and monitor timers, V8
 * helpers). On the dev server a 1,000-lead chunk waits minutes for the database: that would count as intake.
 */
export async function idleCpuMsPerSec(ms = 3_000): Promise<number> {
  const read = startCpuMeter();
  await sleep(ms);
  const r = read();
  return round(r.cpuMs / r.seconds);
}

export function cpuFigures(r: CpuReading, leads: number, idleRate: number): CpuFigures {
  const waitingSeconds = Math.max(0, r.seconds - (r.mainThreadMs ?? 0) / 1000);
  return {
    cpuMsPerLead: round(r.cpuMs / leads, 4),
    cpuMsPerLeadNetOfIdle: round(Math.max(0, r.cpuMs - idleRate * waitingSeconds) / leads, 4),
    mainThreadCpuMsPerLead: r.mainThreadMs === undefined ? null : round(r.mainThreadMs / leads, 4),
  };
}
