import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DigestRuns } from '../../src/core/reports/index.js';
import { orgId } from '../../src/core/shared/ids.js';
import { bindModels, ensureIndexes } from '../../src/storage/models.js';
import { mongoDigestRuns } from '../../src/storage/repositories/digest-runs.js';
import { fakeDigestRuns } from '../core/fake-digest-runs.js';
import { openTestDatabase } from '../support/test-database.js';

// The weekly digest's run markers, the in-memory fake and the mongo store held to the same cases.
const MIN = 60_000;
const at = (minutes: number) => new Date(Date.UTC(2026, 10, 30, 1, 0) + minutes * MIN);
let db: Awaited<ReturnType<typeof openTestDatabase>>;
let mongo: DigestRuns;
beforeAll(async () => {
  db = await openTestDatabase();
  const models = bindModels(db.connection);
  await ensureIndexes(models);
  mongo = mongoDigestRuns(models);
});
afterAll(() => db.close());

let n = 0;
const freshOrg = () => orgId(`00000000000000000000${String(++n).padStart(4, '0')}`);
const stores = (): [string, () => DigestRuns][] => [
  ['fake', () => fakeDigestRuns()],
  ['mongo', () => mongo],
];

describe.each(stores())('DigestRuns (%s)', (_name, make) => {
  it('is taken by one runner; the others find it busy, and done once finished', async () => {
    const runs = make();
    const org = freshOrg();
    const takes = await Promise.all([1, 2, 3].map(() => runs.take(org, '2026-W48', at(0), 15 * MIN)));
    expect(takes.filter((t) => t === 'taken')).toHaveLength(1);
    expect(takes.filter((t) => t === 'busy')).toHaveLength(2);
    await runs.finish(org, '2026-W48', at(1), 7);
    expect(await runs.take(org, '2026-W48', at(2), 15 * MIN)).toBe('done');
    // Long after: a done week is never taken again.
    expect(await runs.take(org, '2026-W48', at(60 * 24), 15 * MIN)).toBe('done');
  });

  it("a crashed run's marker is taken over once its lease has expired, by one runner", async () => {
    const runs = make();
    const org = freshOrg();
    expect(await runs.take(org, '2026-W48', at(0), 15 * MIN)).toBe('taken');
    expect(await runs.take(org, '2026-W48', at(14), 15 * MIN)).toBe('busy');
    const takes = await Promise.all([1, 2].map(() => runs.take(org, '2026-W48', at(16), 15 * MIN)));
    expect(takes.sort()).toEqual(['busy', 'taken']);
  });

  it('keeps each org and week apart', async () => {
    const runs = make();
    const [a, b] = [freshOrg(), freshOrg()];
    expect(await runs.take(a, '2026-W48', at(0), 15 * MIN)).toBe('taken');
    expect(await runs.take(b, '2026-W48', at(0), 15 * MIN)).toBe('taken');
    expect(await runs.take(a, '2026-W49', at(0), 15 * MIN)).toBe('taken');
  });
});
