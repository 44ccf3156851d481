import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgId } from '../../src/core/shared/ids.js';
import type { Notice } from '../../src/core/shared/notices.js';
import { bindModels, ensureIndexes, type Models } from '../../src/storage/models.js';
import { mongoOutboxStore } from '../../src/storage/repositories/outbox-repository.js';
import { mongoSandboxStore } from '../../src/storage/repositories/sandbox-message-store.js';
import { openTestDatabase } from '../support/test-database.js';

const DAY = 24 * 60 * 60 * 1000;
const ORG = orgId('0123456789abcdef01234567');
// Now, not a fixed date: the dev server removes what expired by the real clock as soon as it reads it.
const at = new Date(Math.floor(Date.now() / 1000) * 1000);
const notice = (key: string, mode: 'post' | 'update' = 'post') =>
  ({
    kind: 'member.status',
    data: { memberId: 'm1', name: '张伟', level: 'junior', dailyCap: 5, availability: 'available' },
    to: { kind: 'member', memberId: 'm1' },
    cardKey: 'card-1',
    mode,
    idempotencyKey: key,
  }) as unknown as Notice;

// The real models with their indexes (the TTL ones are what is tested), on a database of this file's own.
let close: () => Promise<void> = async () => {};
let models: Models;
beforeAll(async () => {
  const db = await openTestDatabase();
  close = db.close;
  models = bindModels(db.connection);
  await ensureIndexes(models);
});
afterAll(() => close());

const ttlIndexOf = async (collection: { listIndexes(): { toArray(): Promise<object[]> } }) =>
  (await collection.listIndexes().toArray()).find(
    (index) => (index as { key: object }).key && 'expiresAt' in (index as { key: object }).key,
  );

describe('records that expire (TTL indexes)', () => {
  it('gives delivered and superseded outbox entries and sent-message records an expiry; pending and dead ones none', async () => {
    const outbox = mongoOutboxStore(models, { deliveredMs: 30 * DAY, sentMessageMs: 180 * DAY });
    await outbox.enqueue(ORG, [notice('a'), notice('b'), notice('c'), notice('u1', 'update')], at);
    const claimed = await outbox.claimNext(at, 60_000);
    await outbox.complete(claimed!.id, at);
    const dead = await outbox.claimNext(at, 60_000);
    await outbox.fail(dead!.id, 'gone');
    // A newer update of the same card supersedes the older one still waiting: it counts as delivered.
    await outbox.enqueue(ORG, [notice('u2', 'update')], at);
    const expiries = Object.fromEntries(
      (await models.OutboxEntry.find({}).lean()).map((e) => [e.idempotencyKey, e.expiresAt?.toISOString()]),
    );
    const in30 = new Date(at.getTime() + 30 * DAY).toISOString();
    expect(expiries).toEqual({ a: in30, b: undefined, c: undefined, u1: in30, u2: undefined });

    await outbox.recordSent(
      {
        orgId: ORG,
        cardKey: 'card-1',
        to: { kind: 'member', memberId: 'm1' },
        platform: 'sandbox',
        workspaceId: ORG,
        target: { kind: 'dm', userId: 'm1' },
        messageRef: 'msg-1',
        idempotencyKey: 'a',
      } as unknown as Parameters<typeof outbox.recordSent>[0],
      at,
    );
    const sent = await models.SentMessage.findOne({ idempotencyKey: 'a' }).lean();
    expect(sent?.expiresAt).toEqual(new Date(at.getTime() + 180 * DAY));
    for (const collection of [models.OutboxEntry.collection, models.SentMessage.collection]) {
      expect(await ttlIndexOf(collection)).toMatchObject({ key: { expiresAt: 1 }, expireAfterSeconds: 0 });
    }
  });

  it('keeps a sandbox message for its period after its last change', async () => {
    const store = mongoSandboxStore(models, 14 * DAY);
    const message = await store.post(
      ORG,
      { conversation: 'dm:m1', from: { kind: 'bot', name: 'Leadrelay' }, text: 'hi' },
      at,
    );
    const later = new Date(at.getTime() + 3 * DAY);
    await store.update(ORG, message.id, { text: 'edited' }, later);
    const doc = await models.SandboxMessage.findById(message.id).lean();
    expect(doc?.expiresAt).toEqual(new Date(later.getTime() + 14 * DAY));
    expect(await ttlIndexOf(models.SandboxMessage.collection)).toMatchObject({ expireAfterSeconds: 0 });
  });

  it('lets MongoDB remove what has expired', async () => {
    // Far in the past, so that the expiry has passed whatever the server's clock says.
    const old = new Date('2020-01-01T00:00:00Z');
    const store = mongoSandboxStore(models, DAY);
    const gone = await store.post(
      ORG,
      { conversation: 'dm:m2', from: { kind: 'bot', name: 'Leadrelay' }, text: 'old' },
      old,
    );
    // MongoDB's TTL monitor runs once a minute; the dev server removes expired documents when it reads them.
    await expect.poll(() => store.get(ORG, gone.id), { timeout: 65_000, interval: 1_000 }).toBeUndefined();
  }, 70_000);
});
