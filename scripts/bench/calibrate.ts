import type { Connection } from 'mongoose';
import { round } from './bench-stats.js';
import { idleCpuMsPerSec, startCpuMeter } from './cpu-meter.js';

export type Calibration = {
  /** CPU this process burns per second while only waiting (driver timers, V8 helpers). */
  idleCpuMsPerSec: number;
  /**
   * CPU of one bare round trip (`ping` through the driver, no mongoose, no intake code): the floor each
   * database command costs on this machine and database, whatever our code does. Not ours to cut.
   */
  pingCpuMs: number;
};

/** Measures this machine's floors once, after warm-up, so the scenarios' figures can be read against them. */
export async function calibrate(connection: Connection, pings = 300): Promise<Calibration> {
  const db = connection.db;
  if (!db) throw new Error('calibrate: the connection has no database handle');
  for (let i = 0; i < 100; i++) await db.command({ ping: 1 });
  const read = startCpuMeter();
  for (let i = 0; i < pings; i++) await db.command({ ping: 1 });
  const pingCpuMs = round(read().cpuMs / pings);
  return { idleCpuMsPerSec: await idleCpuMsPerSec(), pingCpuMs };
}

/** CPU per lead beyond waiting and the bare round trips of its commands: what our code and mongoose add. */
export function beyondFloors(
  figures: { cpuMsPerLeadNetOfIdle: number; dbCommandsPerLead: number },
  c: Calibration,
): number {
  return round(Math.max(0, figures.cpuMsPerLeadNetOfIdle - figures.dbCommandsPerLead * c.pingCpuMs), 4);
}
