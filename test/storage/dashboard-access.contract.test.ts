import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DashboardAccessStore } from '../../src/core/org/dashboard-link.js';
import { memberId, orgId } from '../../src/core/shared/ids.js';
import { bindModels, ensureIndexes, type Models } from '../../src/storage/models.js';
import { mongoDashboardAccess } from '../../src/storage/repositories/dashboard-access-repository.js';
import { FakeDashboardAccess } from '../core/dashboard-access-fake.js';
import { openTestDatabase } from '../support/test-database.js';

// The same cases against the in-memory fake and the mongo store: a link exchanges once, before its expiry, into a
// session that is found until its own expiry; of racing exchanges one wins.

const ORG = orgId('00000000000000000000a001');
const REP = memberId('00000000000000000000c001');
// Now-ish: the records' TTL index hides (the dev server) or removes (MongoDB) ones whose time has passed.
const AT = new Date(Math.floor(Date.now() / 60_000) * 60_000);
const later = (minutes: number) => new Date(AT.getTime() + minutes * 60_000);
let n = 0;
const hash = (label: string) => `${label}-${++n}`.padEnd(64, '0');

let db: Awaited<ReturnType<typeof openTestDatabase>>;
let models: Models;
beforeAll(async () => {
  db = await openTestDatabase();
  models = bindModels(db.connection);
  await ensureIndexes(models);
});
afterAll(() => db.close());

describe.each([
  ['in-memory fake', () => new FakeDashboardAccess() as DashboardAccessStore],
  ['mongo store', () => mongoDashboardAccess(models)],
])('dashboard access (%s)', (_name, make) => {
  const link = async (store: DashboardAccessStore) => {
    const linkHash = hash('link');
    await store.saveLink({ orgId: ORG, memberId: REP, linkHash, createdAt: AT, expiresAt: later(10) });
    return linkHash;
  };

  it('exchanges a link once into a session found until it expires', async () => {
    const store = make();
    const linkHash = await link(store);
    expect(await store.linkState(linkHash)).toEqual({ used: false });
    const sessionHash = hash('session');
    const grant = await store.exchange(linkHash, { sessionHash, now: later(5), expiresAt: later(5 + 480) });
    expect(grant).toEqual({ orgId: ORG, memberId: REP, expiresAt: later(485) });
    expect(
      await store.exchange(linkHash, { sessionHash: hash('s'), now: later(6), expiresAt: later(486) }),
    ).toBe(undefined);
    expect(await store.linkState(linkHash)).toEqual({ used: true });
    expect(await store.findSession(sessionHash, later(484))).toMatchObject({ memberId: REP });
    expect(await store.findSession(sessionHash, later(485))).toBeUndefined();
    expect(await store.findSession(hash('nobody'), later(6))).toBeUndefined();
  });

  it('refuses a link at or after its expiry, and knows no unknown one', async () => {
    const store = make();
    const linkHash = await link(store);
    expect(
      await store.exchange(linkHash, { sessionHash: hash('s'), now: later(10), expiresAt: later(490) }),
    ).toBe(undefined);
    expect(await store.linkState(linkHash)).toEqual({ used: false });
    expect(await store.linkState(hash('unknown'))).toBeUndefined();
  });

  it('gives one of ten racing exchanges the session', async () => {
    const store = make();
    const linkHash = await link(store);
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        store.exchange(linkHash, { sessionHash: hash('race'), now: later(1), expiresAt: later(481) }),
      ),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
  });
});
