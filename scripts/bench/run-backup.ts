import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Db, Decimal128, ObjectId } from 'mongodb';
import { serviceVersion } from '../../src/config/service-version.js';
import { ownedCollections } from '../../src/storage/backups/backup-collections.js';
import { openBackup } from '../../src/storage/backups/read-backup.js';
import { restoreBackup } from '../../src/storage/backups/restore-backup.js';
import { writeBackup } from '../../src/storage/backups/write-backup.js';
import { openBenchEnvironment } from './bench-environment.js';

/**
 * `--backup` (issue #15): backup and restore throughput over the demo org plus `leads` lead-like documents —
 * documents/s, MB written, this process's CPU ms per 1,000 documents and its peak heap growth (the stream is meant
 * to keep memory flat). On the dev server the wall time is mostly the server's; CPU and memory are ours.
 */
export async function runBackupBench(leads: number, progress: (line: string) => void) {
  const env = await openBenchEnvironment(progress);
  const dir = await mkdtemp(path.join(tmpdir(), 'lr-bench-backup-'));
  try {
    const db = env.connection.db as Db;
    await seedLeads(db, env.org.id, leads, progress);
    const owned = ownedCollections(env.app.models);
    const backup = await measure(() =>
      writeBackup({ db, collections: owned, dir, now: new Date(), service: serviceVersion() }),
    );
    const { manifest, file } = backup.result;
    progress(`backup: ${manifest.documents} documents in ${backup.seconds} s`);
    const scratch = db.client.db(`${db.databaseName}_restore`);
    const restore = await measure(async () =>
      restoreBackup({ db: scratch, backup: await openBackup(file), owned }),
    );
    await scratch.dropDatabase();
    progress(`restore: ${restore.result.documents} documents in ${restore.seconds} s`);
    const figures = (m: typeof backup | typeof restore) => ({
      seconds: m.seconds,
      documentsPerSecond: Math.round(manifest.documents / Math.max(m.seconds, 0.001)),
      cpuMsPer1000Documents: Math.round((m.cpuMs / manifest.documents) * 1000 * 10) / 10,
      heapGrowthMb: m.heapGrowthMb,
    });
    return {
      database: env.database,
      documents: manifest.documents,
      archiveMb: Math.round((manifest.bytes / 1e6) * 100) / 100,
      backup: figures(backup),
      restore: figures(restore),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
    await env.close();
  }
}

async function measure<T>(run: () => Promise<T>) {
  const cpu = process.cpuUsage();
  const heapBefore = process.memoryUsage().heapUsed;
  let peak = heapBefore;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }, 50);
  const began = performance.now();
  try {
    const result = await run();
    const used = process.cpuUsage(cpu);
    return {
      result,
      seconds: Math.round((performance.now() - began) / 100) / 10,
      cpuMs: (used.user + used.system) / 1000,
      heapGrowthMb: Math.round(((peak - heapBefore) / 1e6) * 10) / 10,
    };
  } finally {
    clearInterval(sampler);
  }
}

async function seedLeads(db: Db, orgId: string, count: number, progress: (line: string) => void) {
  const org = new ObjectId(orgId);
  for (let done = 0; done < count; done += 1000) {
    const batch = Array.from({ length: Math.min(1000, count - done) }, (_, i) => ({
      orgId: org,
      code: `B${done + i}`,
      name: `客户 ${done + i}`,
      company: `华东电气 ${done + i}`,
      phone: `1380000${String(done + i).padStart(4, '0')}`,
      amount: Decimal128.fromString(`${(done + i) % 10_000}.50`),
      status: 'pooled',
      createdAt: new Date(Date.UTC(2026, 10, 1) + (done + i) * 60_000),
      history: [{ type: 'created', at: new Date(), by: 'system' }],
    }));
    await db.collection('bench_leads_seed').insertMany(batch, { ordered: false });
  }
  // Seeded past the leads collection's unique indexes (the dev server checks each), then renamed into place.
  await db
    .collection('leads')
    .drop()
    .catch(() => undefined);
  await db.admin().command({
    renameCollection: `${db.databaseName}.bench_leads_seed`,
    to: `${db.databaseName}.leads`,
    dropTarget: true,
  });
  progress(`seeded ${count} leads`);
}
