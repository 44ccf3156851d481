import { recordFollowUp } from '../../src/core/follow-ups/index.js';
import { intakeLead } from '../../src/core/leads/intake-lead.js';
import type { Lead } from '../../src/core/leads/lead-types.js';
import { memberCaller } from '../../src/core/org/caller.js';
import type { BenchEnvironment } from './bench-environment.js';
import { percentile, round } from './bench-stats.js';
import { type CommandTally, countCommands, totalOf } from './command-counter.js';
import { cpuFigures, startCpuMeter } from './cpu-meter.js';
import { fakeLead } from './fake-leads.js';

/** Issue #12 item 8: one follow-up command at most 4 database commands; its CPU on the same footing as intake's. */
export const FOLLOW_UP_TARGETS = { dbCommandsPerFollowUp: 4, cpuMsPerFollowUp: 2 } as const;

/** Follow-ups taken before measuring, so the first calls' compilation is not counted. */
const WARMUP = 30;

// The intake scenarios' leads are numbered from 0; these start far above them so no phone or company repeats.
const FIRST_LEAD = 5_000_000;

/**
 * `count` sequential recordFollowUp calls, each by the owner of a claimed lead of the demo org, each call's commands
 * counted on their own (every `commandStarted` event). The leads are taken in and claimed first, not measured.
 * Checks afterwards that every lead carries exactly its one record.
 */
export async function runFollowUps(
  env: BenchEnvironment,
  count: number,
  idleRate: number,
  progress: (line: string) => void,
) {
  const leads = await claimedLeads(env, WARMUP + count);
  progress(
    `follow-up: ${leads.length} claimed leads ready; ${WARMUP} warm-up follow-ups, then ${count} measured`,
  );
  const members = new Map((await env.app.repos.members.list(env.org.id)).map((m) => [m.id, m]));
  const deps = { ...env.deps, followUps: env.app.repos.followUps };
  const followUp = (lead: Lead, i: number) =>
    recordFollowUp(deps, memberCaller(env.org, members.get(lead.ownerId!)!, 'zh-CN'), {
      leadId: lead.code ?? lead.id,
      channel: 'phone',
      content: `第 ${i} 次电话：客户要报价单`,
      outcome: 'trial-booked',
      nextContactAt: new Date(env.app.clock.now().getTime() + 86_400_000),
      requestKey: `bench-${i}`,
    });
  for (let i = 0; i < WARMUP; i++) await followUp(leads[i]!, i);

  const counter = countCommands(env.connection);
  const perCall: CommandTally[] = [];
  const latencies: number[] = [];
  const meter = startCpuMeter();
  for (let i = WARMUP; i < leads.length; i++) {
    const mark = counter.mark();
    const t0 = performance.now();
    await followUp(leads[i]!, i);
    latencies.push(performance.now() - t0);
    perCall.push(counter.since(mark));
  }
  const reading = meter();
  counter.stop();
  const totals = perCall.map(totalOf);
  const cpu = cpuFigures(reading, count, idleRate);
  const ok = await everyLeadHasOneRecord(env, leads);
  const dbCommandsPerFollowUp = round(totals.reduce((a, b) => a + b, 0) / count);
  return {
    followUps: count,
    seconds: round(reading.seconds, 2),
    p50Ms: round(percentile(latencies, 50), 2),
    p99Ms: round(percentile(latencies, 99), 2),
    dbCommandsPerFollowUp,
    commands: perCall[0] ?? {},
    cpuMsPerFollowUp: cpu.cpuMsPerLead,
    cpuMsPerFollowUpNetOfIdle: cpu.cpuMsPerLeadNetOfIdle,
    mainThreadCpuMsPerFollowUp: cpu.mainThreadCpuMsPerLead,
    ok,
    meetsTargets: {
      dbCommandsPerFollowUp: dbCommandsPerFollowUp <= FOLLOW_UP_TARGETS.dbCommandsPerFollowUp,
      cpuMsPerFollowUp: cpu.cpuMsPerLead <= FOLLOW_UP_TARGETS.cpuMsPerFollowUp,
    },
  };
}

/**
 * `n` leads taken in and routed to the demo reps (one the routing leaves in a pool is skipped), then claimed in one
 * write: the state a follow-up finds.
 */
async function claimedLeads(env: BenchEnvironment, n: number): Promise<Lead[]> {
  const ids = [];
  for (let i = 0; ids.length < n && i < 3 * n; i++) {
    const { lead } = await intakeLead(env.deps, env.actor, { lead: fakeLead(FIRST_LEAD + i) });
    if (lead.status === 'assigned') ids.push(lead.id);
  }
  await env.app.models.Lead.updateMany(
    { _id: { $in: ids }, status: 'assigned' },
    { $set: { status: 'claimed', claimedAt: env.app.clock.now() } },
  );
  const leads = await Promise.all(ids.map((id) => env.app.repos.leads.get(env.org.id, id)));
  const claimed = leads.filter((l): l is Lead => l?.status === 'claimed' && l.ownerId !== undefined);
  if (claimed.length !== n) throw new Error(`only ${claimed.length} of ${n} bench leads were claimed`);
  return claimed;
}

async function everyLeadHasOneRecord(env: BenchEnvironment, leads: readonly Lead[]): Promise<boolean> {
  const records = await env.app.models.FollowUp.countDocuments({ leadId: { $in: leads.map((l) => l.id) } });
  const counted = await env.app.models.Lead.countDocuments({
    _id: { $in: leads.map((l) => l.id) },
    'lastFollowUp.count': 1,
    followUpStatus: 'following',
  });
  return records === leads.length && counted === leads.length;
}
