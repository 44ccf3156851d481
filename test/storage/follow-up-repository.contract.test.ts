import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FollowUpRepository, NewFollowUp } from '../../src/core/follow-ups/ports.js';
import { leadId, memberId, orgId } from '../../src/core/shared/ids.js';
import { bindModels, ensureIndexes, type Models } from '../../src/storage/models.js';
import { mongoFollowUpRepository } from '../../src/storage/repositories/follow-up-repository.js';
import { FakeFollowUpRepository } from '../core/fake-follow-up-repository.js';
import { openTestDatabase } from '../support/test-database.js';

// One set of cases against the in-memory fake the core unit tests use and the mongo repository on the test
// database: a fake that drifts from the real thing fails here, not silently in a unit test.

const ORG = orgId('00000000000000000000a001');
const OTHER_ORG = orgId('00000000000000000000a002');
const LEAD = leadId('00000000000000000000e001');
const REP = memberId('00000000000000000000c001');
const AT = new Date('2026-03-02T02:00:00Z');
const later = (minutes: number) => new Date(AT.getTime() + minutes * 60_000);

type Subject = { repo: FollowUpRepository; reset(): Promise<void> };

let db: Awaited<ReturnType<typeof openTestDatabase>>;
let models: Models;
beforeAll(async () => {
  db = await openTestDatabase();
  models = bindModels(db.connection);
  await ensureIndexes(models);
});
afterAll(() => db.close());

function fakeSubject(): Subject {
  const s: Subject = {
    repo: new FakeFollowUpRepository(),
    async reset() {
      s.repo = new FakeFollowUpRepository();
    },
  };
  return s;
}

const mongoSubject = (): Subject => ({
  get repo() {
    return mongoFollowUpRepository(models);
  },
  async reset() {
    await models.FollowUp.deleteMany({});
  },
});

const record = (overrides: Partial<NewFollowUp> = {}): NewFollowUp => ({
  orgId: ORG,
  version: 1,
  leadId: LEAD,
  channel: 'phone',
  content: '  客户要报价单\n',
  outcome: 'trial-booked',
  nextContactAt: later(24 * 60),
  authorId: REP,
  authorName: '张伟',
  at: AT,
  ...overrides,
});

async function stored(repo: FollowUpRepository, overrides: Partial<NewFollowUp> = {}) {
  const result = await repo.insert(record(overrides));
  if (!('followUp' in result)) throw new Error(`insert refused: ${result.conflict}`);
  return result.followUp;
}

describe.each([
  ['in-memory fake', fakeSubject],
  ['mongo repository', mongoSubject],
])('follow-up repository: %s', (_name, make) => {
  const s = make();
  beforeEach(() => s.reset());

  it('stores a first version as its own record, exactly as given, and reads it back only in its org', async () => {
    const first = await stored(s.repo);
    expect(first).toEqual({ ...record(), id: first.id, recordId: first.id });
    expect(await s.repo.get(ORG, first.id)).toEqual(first);
    expect(await s.repo.get(OTHER_ORG, first.id)).toBeUndefined();
    expect(await s.repo.get(ORG, 'not-an-id' as never)).toBeUndefined();
  });

  it('refuses a second record under one request key, per org, and finds the first by it', async () => {
    const first = await stored(s.repo, { requestKey: 'evt-1' });
    expect(await s.repo.insert(record({ requestKey: 'evt-1', content: 'again' }))).toEqual({
      conflict: 'replay',
    });
    await stored(s.repo, { requestKey: 'evt-1', orgId: OTHER_ORG });
    // Records without a key never collide with each other.
    await stored(s.repo);
    await stored(s.repo);
    expect(await s.repo.findByRequestKey(ORG, 'evt-1')).toEqual(first);
    expect(await s.repo.findByRequestKey(ORG, 'evt-2')).toBeUndefined();
  });

  it('lets one of two corrections of a version win: the same version number is refused', async () => {
    const first = await stored(s.repo);
    const correction = (content: string) =>
      record({ recordId: first.recordId, version: 2, content, correctedAt: later(5), correctedById: REP });
    const results = await Promise.all([s.repo.insert(correction('改一')), s.repo.insert(correction('改二'))]);
    expect(results.filter((r) => 'conflict' in r)).toEqual([{ conflict: 'version' }]);
    expect((await s.repo.versionsOf(ORG, first.recordId)).map((v) => v.version)).toEqual([1, 2]);
  });

  it('supersedes a version once; lists a lead’s records newest first, current or every version', async () => {
    const older = await stored(s.repo, { at: AT });
    const newer = await stored(s.repo, { at: later(60), content: '第二次' });
    await stored(s.repo, { at: later(90), leadId: leadId('00000000000000000000e002') });
    const fixed = await stored(s.repo, {
      recordId: older.recordId,
      version: 2,
      content: '更正',
      correctedAt: later(120),
    });
    const [one, two] = await Promise.all([
      s.repo.supersede(ORG, older.id, later(120)),
      s.repo.supersede(ORG, older.id, later(121)),
    ]);
    expect([one, two].sort()).toEqual([false, true]);
    expect(await s.repo.supersede(OTHER_ORG, newer.id, later(120))).toBe(false);
    const current = await s.repo.listByLead(ORG, LEAD, { versions: 'current', limit: 10 });
    expect(current.map((f) => f.id)).toEqual([newer.id, fixed.id]);
    const all = await s.repo.listByLead(ORG, LEAD, { versions: 'all', limit: 10 });
    expect(all.map((f) => f.id)).toEqual([newer.id, fixed.id, older.id]);
    // Whichever of the two racing writes won, its time is the one kept (the loser changed nothing).
    expect(all[2]?.supersededAt).toEqual(one ? later(120) : later(121));
    expect(await s.repo.listByLead(ORG, LEAD, { versions: 'all', limit: 1 })).toHaveLength(1);
    expect(await s.repo.listByLead(OTHER_ORG, LEAD, { versions: 'all', limit: 10 })).toEqual([]);
  });

  it('removes a record only in its own org', async () => {
    const first = await stored(s.repo);
    await s.repo.remove(OTHER_ORG, first.id);
    expect(await s.repo.get(ORG, first.id)).toBeDefined();
    await s.repo.remove(ORG, first.id);
    expect(await s.repo.get(ORG, first.id)).toBeUndefined();
  });
});
