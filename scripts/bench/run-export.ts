import { Writable } from 'node:stream';
import { type Db, ObjectId } from 'mongodb';
import type { ExportFormat } from '../../src/core/exports/index.js';
import { planExport, streamExport } from '../../src/core/exports/index.js';
import { systemCaller } from '../../src/core/org/caller.js';
import { openExportSink } from '../../src/export-files/open-export-sink.js';
import { mongoExportSource } from '../../src/storage/exports/export-source.js';
import { openBenchEnvironment } from './bench-environment.js';
import { countCommands } from './command-counter.js';
import { type BenchAuthor, benchFollowUpDoc, generatedFollowUpSource } from './generated-follow-ups.js';
import { memoryCurve } from './memory-curve.js';
import { declaredIndexes, indexUses, recordQueries } from './run-reports-indexes.js';

/**
 * `--export [--export-rows 1000000]` (issue #15): one month of follow-up records exported as CSV and as XLSX
 * through the real use-case, reader and writers, into a sink that takes bytes as a slow disk would (each chunk
 * acknowledged on the next tick). Printed: rows/s, this process's CPU ms per 1,000 rows, peak RSS and heap
 * growth over the run, the same growth sampled at 10 %, 50 % and 100 % of the rows (`memoryCurve`: flat memory means
 * it does not grow with the rows written; compare two --export-rows too), the database commands sent (finds and
 * getMores: rows / batch size), and which index the find can use. The seeding's own time is printed apart.
 */
export async function runExportBench(
  rows: number,
  progress: (line: string) => void,
  source: 'db' | 'generated' = 'db',
) {
  const env = await openBenchEnvironment(progress);
  try {
    const db = env.connection.db as Db;
    const fromDb = mongoExportSource(env.app.models);
    const seeded = source === 'db' ? await seedFollowUps(env, db, rows, progress) : null;
    const deps = {
      source:
        source === 'db'
          ? fromDb
          : generatedFollowUpSource(fromDb, rows, new ObjectId(env.org.id), await benchAuthors(env)),
      members: env.app.repos.members,
      teams: env.app.repos.teams,
      clock: { now: () => new Date() },
    };
    const caller = systemCaller(env.org);
    const run = async (format: ExportFormat) => {
      const counter = countCommands(env.connection);
      const queries = recordQueries(env.connection);
      const mark = counter.mark();
      const bytes = { n: 0 };
      const out = new Writable({
        highWaterMark: 64 * 1024,
        write(chunk: Buffer, _enc, done) {
          bytes.n += chunk.length;
          setImmediate(done);
        },
      });
      const plan = await planExport(deps, caller, {
        kind: 'follow-ups',
        from: '2026-11-01',
        to: '2026-11-30',
        format,
      });
      const curve = memoryCurve(openExportSink(format, out, 'bench'), rows, (p) =>
        progress(
          `${format}: ${p.percent} % (${p.rows} rows) at ${p.seconds} s, RSS ${p.rssGrowthMb} MB over the start, ${p.rssAfterCollectionGrowthMb} MB after a full GC, live heap ${p.liveHeapGrowthMb} MB`,
        ),
      );
      const measured = await measure(() => streamExport(deps, caller, plan, curve.sink));
      const commands = counter.since(mark);
      const sent = queries.take();
      counter.stop();
      queries.stop();
      progress(`${format}: ${measured.result.rows} rows in ${measured.seconds} s`);
      return {
        rows: measured.result.rows,
        seconds: measured.seconds,
        rowsPerSecond: Math.round(measured.result.rows / Math.max(measured.seconds, 0.001)),
        megabytes: Math.round((bytes.n / 1e6) * 10) / 10,
        cpuMsPer1000Rows: Math.round((measured.cpuMs / Math.max(measured.result.rows, 1)) * 1000 * 10) / 10,
        peakRssMb: measured.peakRssMb,
        rssGrowthMb: measured.rssGrowthMb,
        heapGrowthMb: measured.heapGrowthMb,
        memoryCurve: curve.points(),
        databaseCommands: commands,
        indexUse: indexUses(
          sent.filter((c) => c.collection === 'follow_ups'),
          declaredIndexes(env.app.models as never),
        ).slice(0, 2),
      };
    };
    const csv = await run('csv');
    const xlsx = await run('xlsx');
    return { database: env.database, source, rows, seeding: seeded, csv, xlsx };
  } finally {
    await env.close();
  }
}

async function measure<T>(work: () => Promise<T>) {
  const cpu = process.cpuUsage();
  const before = process.memoryUsage();
  let peakHeap = before.heapUsed;
  let peakRss = before.rss;
  const sampler = setInterval(() => {
    const now = process.memoryUsage();
    peakHeap = Math.max(peakHeap, now.heapUsed);
    peakRss = Math.max(peakRss, now.rss);
  }, 50);
  const began = performance.now();
  try {
    const result = await work();
    const used = process.cpuUsage(cpu);
    const mb = (n: number) => Math.round((n / 1e6) * 10) / 10;
    return {
      result,
      seconds: Math.round((performance.now() - began) / 100) / 10,
      cpuMs: (used.user + used.system) / 1000,
      peakRssMb: mb(peakRss),
      rssGrowthMb: mb(peakRss - before.rss),
      heapGrowthMb: mb(peakHeap - before.heapUsed),
    };
  } finally {
    clearInterval(sampler);
  }
}

// One insertMany per this many records: a few round trips per 100,000 (the driver splits a batch itself at its
// 100,000-document / 48 MB message limits) while the batch being built stays a few MB of this process's heap.
const SEED_BATCH = 10_000;

/** The demo org's reps, who write the bench's follow-ups in turn. */
async function benchAuthors(env: Awaited<ReturnType<typeof openBenchEnvironment>>): Promise<BenchAuthor[]> {
  const reps = await env.app.models.Member.find({ orgId: new ObjectId(env.org.id), roles: 'rep' }).lean();
  return reps.map((rep) => ({ _id: rep._id, name: rep.name }));
}

/**
 * Follow-ups of November 2026 by the demo's reps, seeded straight into a side collection (no use-case: a bench
 * fixture, not a product path) and renamed into place (the dev server checks unique keys by scanning, which a
 * million inserts cannot afford), then the model's indexes built. Returns how long it took.
 */
async function seedFollowUps(
  env: Awaited<ReturnType<typeof openBenchEnvironment>>,
  db: Db,
  count: number,
  progress: (line: string) => void,
) {
  const began = performance.now();
  const org = new ObjectId(env.org.id);
  const authors = await benchAuthors(env);
  const side = db.collection('bench_follow_ups_seed');
  for (let done = 0; done < count; done += SEED_BATCH) {
    const batch = Array.from({ length: Math.min(SEED_BATCH, count - done) }, (_, i) =>
      benchFollowUpDoc(done + i, count, org, authors),
    );
    await side.insertMany(batch, { ordered: false });
    if ((done + batch.length) % 100_000 === 0) progress(`seeded ${done + batch.length} follow-ups`);
  }
  const inserted = performance.now();
  await db.admin().command({
    renameCollection: `${db.databaseName}.bench_follow_ups_seed`,
    to: `${db.databaseName}.follow_ups`,
    dropTarget: true,
  });
  await env.app.models.FollowUp.createIndexes();
  const seconds = (ms: number) => Math.round(ms / 100) / 10;
  const insertSeconds = seconds(inserted - began);
  progress(`seeded ${count} follow-ups in ${insertSeconds} s, indexes built`);
  return {
    insertSeconds,
    rowsPerSecond: Math.round(count / Math.max(insertSeconds, 0.001)),
    indexSeconds: seconds(performance.now() - inserted),
  };
}
