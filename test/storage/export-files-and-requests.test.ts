import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportRequestStore } from '../../src/chat/exports/export-requests.js';
import type { FileStore } from '../../src/chat/file-store.js';
import { memberId, orgId } from '../../src/core/shared/ids.js';
import { bindModels, ensureIndexes } from '../../src/storage/models.js';
import { FILE_CHUNK_BYTES, mongoFileStore } from '../../src/storage/repositories/export-file-store.js';
import { mongoExportRequests } from '../../src/storage/repositories/export-request-store.js';
import { openTestDatabase } from '../support/test-database.js';

// The export's durable pieces against the real mongoose layer: files in chunks any instance can read back, and
// the /导出 requests leased by one runner at a time, taken again after a crash.
// Far ahead of the wall clock: the TTL index (the dev server applies it on its own clock) must not remove them.
const at = (minutes: number) => new Date(Date.UTC(2030, 11, 2, 6, 0) + minutes * 60_000);
let db: Awaited<ReturnType<typeof openTestDatabase>>;
let files: FileStore;
let requests: ExportRequestStore;
beforeAll(async () => {
  db = await openTestDatabase();
  const models = bindModels(db.connection);
  await ensureIndexes(models);
  files = mongoFileStore(models);
  requests = mongoExportRequests(models);
});
afterAll(() => db.close());

const ORG = orgId('0000000000000000000000a1');
const OTHER = orgId('0000000000000000000000a2');

describe('the file store', () => {
  it('gives back a file of several chunks byte for byte, in its org only, until it expires', async () => {
    const bytes = new Uint8Array(FILE_CHUNK_BYTES * 2 + 17).map((_, i) => (i * 7) % 251);
    const id = await files.save(ORG, { name: '跟进记录-2026-11.csv', mime: 'text/csv', bytes }, at(60));
    const back = await files.load(ORG, id, at(0));
    expect(back?.name).toBe('跟进记录-2026-11.csv');
    expect(Buffer.from(back?.bytes ?? []).equals(Buffer.from(bytes))).toBe(true);
    expect(await files.load(OTHER, id, at(0))).toBeUndefined();
    expect(await files.load(ORG, id, at(61))).toBeUndefined();
  });

  it('replaces a file saved again under the same id (a rerun export), never mixing the two', async () => {
    const first = new Uint8Array(FILE_CHUNK_BYTES + 5).fill(1);
    await files.save(ORG, { id: 'req-1', name: 'a.csv', mime: 'text/csv', bytes: first }, at(60));
    await files.save(
      ORG,
      { id: 'req-1', name: 'a.csv', mime: 'text/csv', bytes: new Uint8Array([9, 9]) },
      at(60),
    );
    expect([...((await files.load(ORG, 'req-1', at(0)))?.bytes ?? [])]).toEqual([9, 9]);
  });
});

describe('the export requests', () => {
  const request = (id: string) => ({
    id,
    orgId: ORG,
    memberId: memberId('m-1'),
    kind: 'follow-ups' as const,
  });

  it('stores a retried command once', async () => {
    expect(await requests.add(request('r-dup'), at(0))).toBe(true);
    expect(await requests.add(request('r-dup'), at(0))).toBe(false);
    const taken = await requests.claimNext(at(0), 60_000);
    expect(taken?.id).toBe('r-dup');
    await requests.complete('r-dup', at(0));
  });

  it('is made by one of two runners, and taken again once the lease of a runner that died ends', async () => {
    await requests.add({ ...request('r-race'), period: '本月' }, at(10));
    const [a, b] = await Promise.all([
      requests.claimNext(at(10), 60_000),
      requests.claimNext(at(10), 60_000),
    ]);
    expect([a?.id, b?.id].filter(Boolean)).toEqual(['r-race']);
    // The winner dies without completing: nothing until the lease ends, then the same request, second attempt.
    expect(await requests.claimNext(at(10.5), 60_000)).toBeUndefined();
    const again = await requests.claimNext(at(11), 60_000);
    expect(again).toMatchObject({ id: 'r-race', period: '本月', attempts: 2 });
    await requests.complete('r-race', at(11));
    expect(await requests.claimNext(at(30), 60_000)).toBeUndefined();
  });
});
