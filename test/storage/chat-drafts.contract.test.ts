import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatDraft, ChatDraftStore } from '../../src/chat/drafts/draft-types.js';
import { memberId, orgId } from '../../src/core/shared/ids.js';
import { bindModels, ensureIndexes, type Models } from '../../src/storage/models.js';
import { mongoChatDrafts } from '../../src/storage/repositories/chat-draft-repository.js';
import { fakeChatDrafts } from '../chat/support/fake-chat-drafts.js';
import { openTestDatabase } from '../support/test-database.js';

// The drafts store's cases, against the in-memory fake the chat tests use and the mongo store on the test database.

const ORG = orgId('00000000000000000000a001');
const REP = memberId('00000000000000000000c001');
const OTHER = memberId('00000000000000000000c002');
const draft = (overrides: Partial<ChatDraft> = {}): ChatDraft => ({
  id: 'draft-1',
  orgId: ORG,
  memberId: REP,
  conversation: 'dm',
  kind: 'follow-up',
  data: { leadId: 'L-1042', channel: 'phone', nextContactAt: '2026-12-02T02:00:00.000Z' },
  asking: 'content',
  expiresAt: new Date('2026-12-01T02:30:00Z'),
  ...overrides,
});

let db: Awaited<ReturnType<typeof openTestDatabase>>;
let models: Models;
beforeAll(async () => {
  db = await openTestDatabase();
  models = bindModels(db.connection);
  await ensureIndexes(models);
});
afterAll(() => db?.close());

describe.each<[string, () => ChatDraftStore]>([
  ['in memory', fakeChatDrafts],
  ['mongo', () => mongoChatDrafts(models)],
])('chat drafts (%s)', (_name, make) => {
  it('takes what was saved once, exactly as saved', async () => {
    const store = make();
    await store.save(draft());
    expect(await store.take(ORG, REP, 'dm')).toEqual(draft());
    expect(await store.take(ORG, REP, 'dm')).toBeUndefined();
  });

  it('keeps one draft per member and conversation: a new one replaces the older', async () => {
    const store = make();
    await store.save(draft({ conversation: 'c-2' }));
    await store.save(draft({ conversation: 'c-2', id: 'draft-2', asking: 'channel' }));
    await store.save(draft({ conversation: 'c-2', memberId: OTHER }));
    expect(await store.take(ORG, REP, 'c-2')).toMatchObject({ id: 'draft-2', asking: 'channel' });
    expect(await store.take(ORG, REP, 'c-2')).toBeUndefined();
    expect(await store.take(ORG, OTHER, 'c-2')).toMatchObject({ memberId: OTHER });
  });

  it('gives a draft to one of two takers at the same time', async () => {
    const store = make();
    await store.save(draft({ conversation: 'c-3' }));
    const taken = await Promise.all([store.take(ORG, REP, 'c-3'), store.take(ORG, REP, 'c-3')]);
    expect(taken.filter(Boolean)).toHaveLength(1);
  });
});

describe('chat drafts in mongo', () => {
  it('is purged by a TTL index a day after it was saved, on real time', async () => {
    await mongoChatDrafts(models).save(draft({ conversation: 'c-4' }));
    const indexes = await models.ChatDraft.collection.indexes();
    expect(indexes.find((i) => i.key.purgeAt === 1)).toMatchObject({ expireAfterSeconds: 0 });
    const stored = await models.ChatDraft.findOne({ conversation: 'c-4' }).lean();
    expect(stored!.purgeAt.getTime() - Date.now()).toBeGreaterThan(23 * 3_600_000);
  });
});
