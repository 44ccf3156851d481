import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { composeApp } from '../../src/config/compose-app.js';
import { startDemo } from '../../src/config/start-demo.js';
import { connectDatabase } from '../../src/storage/connect-database.js';
import { startDevDbServer } from '../../src/storage/dev-db-server.js';
import { ensureIndexes } from '../../src/storage/models.js';
import { percentile, round } from './bench-stats.js';
import { type CommandTally, countCommands, totalOf } from './command-counter.js';
import { LOAD_MIX, type LoadKind, type LoadState, loadRequest } from './load-workload.js';

/** Requests of each kind sent one at a time first, to count the commands each kind causes on its own. */
const PER_KIND_SAMPLES = 10;
const UNLIMITED = 1_000_000;

/**
 * `--scenario load`: the whole HTTP service in this process (real Koa on a port, real auth, the outbox delivering to
 * the sandbox) on MONGODB_URI or the dev server; `clients` concurrent clients send `requests` requests of a fixed
 * mix (load-workload.ts). Reports throughput, latency percentiles, errors, and the database commands per request:
 * overall under load (delivery included: it is work each request causes) and per kind (measured alone first).
 */
export async function runLoad(clients: number, requests: number, progress: (line: string) => void) {
  const external = process.env.MONGODB_URI;
  const server = external ? undefined : await startDevDbServer();
  const uri = external ?? `${server!.uri}&connectTimeoutMS=600000`;
  const dbName = `bench_load_${randomUUID().replaceAll('-', '').slice(0, 10)}`;
  const connection = await connectDatabase({ uri, dbName, monitorCommands: true });
  let listening: Server | undefined;
  try {
    const app = composeApp({
      connection,
      config: {
        SANDBOX_ENABLED: true,
        JOBS_ENABLED: false,
        BODY_LIMIT: '1mb',
        OUTBOX_INTERVAL_MS: 60_000,
        // Every notice on its own: a held burst would be delivered after the run, outside what is counted.
        OUTBOX_COALESCE_MS: 0,
        // The load is one token from one address: the per-minute limits would turn it into 429s.
        RATE_LIMIT_TOKEN_PER_MINUTE: UNLIMITED,
        RATE_LIMIT_IP_PER_MINUTE: UNLIMITED,
      },
      log: pino({ level: 'silent' }),
    });
    await ensureIndexes(app.models);
    const demo = await startDemo(app, { reset: false });
    await app.outboxPump.idle();
    await app.models.Member.updateMany({}, { $set: { dailyCap: UNLIMITED, poolCapacity: UNLIMITED } });
    const members = await app.repos.members.list(demo.orgId);
    const reps = members.filter((m) => m.roles.includes('rep')).map((m) => m.id);
    listening = app.http.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => listening!.once('listening', resolve));
    const base = `http://127.0.0.1:${(listening.address() as AddressInfo).port}`;
    const headers = { authorization: `Bearer ${demo.token}`, 'content-type': 'application/json' };
    const state: LoadState = { leads: [], owned: [], reps, next: 0 };
    const runId = randomUUID().slice(0, 8);
    const counter = countCommands(connection);

    const send = async (i: number) => {
      const request = loadRequest(i, state, runId);
      const t0 = performance.now();
      const response = await fetch(`${base}${request.path}`, {
        method: request.method,
        headers,
        ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
      }).catch(() => undefined);
      const ms = performance.now() - t0;
      const body = response ? await response.json().catch(() => undefined) : undefined;
      if (request.kind === 'intake' && body?.lead?.id) {
        state.leads.push({ id: body.lead.id, ownerId: body.lead.ownerId });
        if (body.lead.ownerId) state.owned.push(body.lead.id);
      }
      if (process.env.BENCH_DEBUG && body?.error) process.stderr.write(`${JSON.stringify(body.error)}\n`);
      const code = typeof body?.error?.code === 'string' ? (body.error.code as string) : undefined;
      return { kind: request.kind, ms, status: response?.status ?? 0, ...(code ? { code } : {}) };
    };

    progress(`load: ${PER_KIND_SAMPLES} requests of each kind alone, counting their commands`);
    const perKind = await commandsPerKind(send, counter, () => app.outboxPump.idle());
    progress(`load: ${requests} requests from ${clients} concurrent clients`);
    let next = 0;
    const results: { kind: LoadKind; ms: number; status: number; code?: string }[] = [];
    const mark = counter.mark();
    const began = performance.now();
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (next < requests) results.push(await send(10_000 + next++));
      }),
    );
    const seconds = (performance.now() - began) / 1000;
    await app.outboxPump.idle();
    const commands = counter.since(mark);
    counter.stop();
    // Errors: no answer or a 5xx. A 4xx is a rule's answer (two clients assigning one lead at once: one gets 409),
    // counted apart as `refused`, by kind and code.
    const errors = results.filter((r) => r.status === 0 || r.status >= 500);
    const refused = results.filter((r) => r.status >= 400 && r.status < 500);
    const latencies = results.map((r) => r.ms);
    return {
      database: external ? 'mongodb' : 'dev-server',
      clients,
      requests: results.length,
      seconds: round(seconds, 2),
      requestsPerSecond: round(results.length / seconds, 1),
      latencyMs: { p50: round(percentile(latencies, 50), 1), p99: round(percentile(latencies, 99), 1) },
      errors: { count: errors.length, byStatus: tallyBy(errors.map((e) => String(e.status))) },
      refused: {
        count: refused.length,
        byKindAndCode: tallyBy(refused.map((e) => `${e.kind} ${e.status} ${e.code ?? ''}`.trim())),
      },
      mix: tallyBy(results.map((r) => r.kind)),
      dbCommandsPerRequest: round(totalOf(commands) / results.length, 2),
      dbCommandsByName: commands,
      dbCommandsPerRequestByKind: perKind,
      ok: errors.length === 0 && results.length === requests,
    };
  } finally {
    if (listening) await new Promise<void>((resolve) => listening!.close(() => resolve()));
    await connection.dropDatabase().catch(() => undefined);
    await connection.close();
    await server?.stop();
  }
}

/** Each kind alone, one request at a time, its delivery awaited: the commands one request of it causes. */
async function commandsPerKind(
  send: (i: number) => Promise<{ kind: LoadKind; status: number }>,
  counter: ReturnType<typeof countCommands>,
  idle: () => Promise<void>,
) {
  const perKind: Partial<
    Record<LoadKind, { requests: number; dbCommandsPerRequest: number; byName: CommandTally }>
  > = {};
  const cycle = LOAD_MIX.reduce((n, [, share]) => n + share, 0);
  let offset = 0;
  for (const [kind, share] of LOAD_MIX) {
    const byName: CommandTally = {};
    let sent = 0;
    // Index i of the fixed cycle that is of this kind: the workload decides kinds by i.
    for (let round_ = 0; sent < PER_KIND_SAMPLES; round_++) {
      for (let k = 0; k < share && sent < PER_KIND_SAMPLES; k++) {
        const mark = counter.mark();
        const result = await send(round_ * cycle + offset + k);
        await idle();
        if (result.kind !== kind) continue;
        for (const [name, n] of Object.entries(counter.since(mark))) byName[name] = (byName[name] ?? 0) + n;
        sent++;
      }
    }
    offset += share;
    perKind[kind] = { requests: sent, dbCommandsPerRequest: round(totalOf(byName) / sent, 2), byName };
  }
  return perKind;
}

function tallyBy(values: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return out;
}
