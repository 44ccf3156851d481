import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuditEntry, auditExpiry } from '../../src/core/audit/index.js';
import { memberId, orgId } from '../../src/core/shared/ids.js';
import { bindModels, ensureIndexes, type Models } from '../../src/storage/models.js';
import { mongoAuditLog } from '../../src/storage/repositories/audit-entry-repository.js';
import { openTestDatabase } from '../support/test-database.js';

// The audit store against the real dev database: append-only, a retried operation stored once, newest first with
// a cursor, filters by actor and kind, every query scoped by org, and the TTL index on expireAt.

const ORG = orgId('00000000000000000000a0a1');
const OTHER = orgId('00000000000000000000a0a2');
const ADMIN = memberId('00000000000000000000c0a1');
// Now-ish, so the TTL (which the dev server applies on read) keeps the entries.
const AT = new Date(Math.floor(Date.now() / 60_000) * 60_000);
const at = (minutes: number) => new Date(AT.getTime() + minutes * 60_000);

const entry = (over: Partial<AuditEntry> & { minutes: number }): AuditEntry => {
  const { minutes, ...rest } = over;
  return {
    orgId: ORG,
    at: at(minutes),
    actor: { kind: 'member', memberId: ADMIN, name: '王芳' },
    via: { platform: 'dingtalk' },
    kind: 'settings.update',
    target: { type: 'org', id: ORG },
    expireAt: auditExpiry(at(minutes), 1095),
    ...rest,
  };
};

let db: Awaited<ReturnType<typeof openTestDatabase>>;
let models: Models;
beforeAll(async () => {
  db = await openTestDatabase();
  models = bindModels(db.connection);
  await ensureIndexes(models);
});
afterAll(() => db.close());

describe('audit entries (mongo store)', () => {
  it('exposes only record and list: no update or delete path exists', () => {
    expect(Object.keys(mongoAuditLog(models)).sort()).toEqual(['list', 'record']);
  });

  it('stores an operation with a key once, however often it is recorded', async () => {
    const log = mongoAuditLog(models);
    const once = entry({
      minutes: 1,
      kind: 'lead.assign',
      key: 'lead-1@4',
      target: { type: 'lead', id: 'l1' },
    });
    await log.record(once);
    await log.record({ ...once, at: at(2) });
    const { entries } = await log.list(ORG, { kinds: ['lead.assign'], limit: 10 });
    expect(entries).toHaveLength(1);
    expect(entries[0]?.at).toEqual(at(1));
  });

  it('lists newest first through a cursor, filtered by actor and kind, never another org', async () => {
    const log = mongoAuditLog(models);
    for (let i = 0; i < 5; i++) await log.record(entry({ minutes: 10 + i, kind: 'routing.update' }));
    await log.record(entry({ minutes: 20, kind: 'routing.update', orgId: OTHER }));
    await log.record(
      entry({
        minutes: 21,
        kind: 'routing.update',
        actor: { kind: 'api', tokenName: 'crm' },
        via: { api: true },
      }),
    );
    const first = await log.list(ORG, { kinds: ['routing.update'], limit: 4 });
    expect(first.entries.map((e) => e.at.getTime())).toEqual([21, 14, 13, 12].map((m) => at(m).getTime()));
    expect(first.next).toBeDefined();
    const second = await log.list(ORG, { kinds: ['routing.update'], limit: 4, cursor: first.next ?? '' });
    expect(second.entries.map((e) => e.at.getTime())).toEqual([11, 10].map((m) => at(m).getTime()));
    expect(second.next).toBeUndefined();
    const byToken = await log.list(ORG, { actorName: 'crm', limit: 10 });
    expect(byToken.entries.map((e) => e.actor)).toEqual([{ kind: 'api', tokenName: 'crm' }]);
    const byMember = await log.list(ORG, { actorMemberId: ADMIN, kinds: ['routing.update'], limit: 10 });
    expect(byMember.entries).toHaveLength(5);
    const window = await log.list(ORG, { kinds: ['routing.update'], from: at(11), to: at(13), limit: 10 });
    expect(window.entries).toHaveLength(2);
  });

  it('expires entries through a TTL index on expireAt with expireAfterSeconds 0', async () => {
    const indexes = await models.AuditEntry.collection.indexes();
    const ttl = indexes.find((i) => i.key.expireAt === 1);
    expect(ttl?.expireAfterSeconds).toBe(0);
    expect(indexes.some((i) => i.key.orgId === 1 && i.key.kind === 1 && i.key.at === -1)).toBe(true);
    expect(indexes.some((i) => i.key.orgId === 1 && i.key['actor.memberId'] === 1)).toBe(true);
  });
});
