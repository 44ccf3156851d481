import { Types } from 'mongoose';
import { afterAll, beforeAll, beforeEach, describe, expect, it, type Mock, vi } from 'vitest';
import type { OutboundMessage } from '../../src/chat/card.js';
import {
  type ChatAdapter,
  type PlatformMessage,
  type PlatformTarget,
  type SentRef,
  TransientDeliveryError,
} from '../../src/chat/chat-adapter.js';
import {
  DEFAULT_DELIVER_OPTIONS,
  type DeliverDeps,
  type DeliverOptions,
  deliverOutbox,
} from '../../src/chat/outbox/deliver-outbox.js';
import { outboxNotifier } from '../../src/chat/outbox/outbox-notifier.js';
import type { OutboxStore } from '../../src/chat/outbox/outbox-store.js';
import { en } from '../../src/chat/texts/en.js';
import { zhCN } from '../../src/chat/texts/zh-cn.js';
import { memberStatusNotice } from '../../src/core/org/member-status-notice.js';
import type { Member, Team } from '../../src/core/org/types.js';
import { fixedClock } from '../../src/core/shared/clock.js';
import { leadId, type OrgId, orgId } from '../../src/core/shared/ids.js';
import type { Notice, Notifier } from '../../src/core/shared/notices.js';
import type { OutboxEntryDoc } from '../../src/storage/models/outbox-entry-model.js';
import { bindModels, ensureIndexes, type Models } from '../../src/storage/models.js';
import { mongoMemberRepository } from '../../src/storage/repositories/member-repository.js';
import { mongoOrgRepository } from '../../src/storage/repositories/org-repository.js';
import { mongoOutboxStore } from '../../src/storage/repositories/outbox-repository.js';
import { mongoTeamRepository } from '../../src/storage/repositories/team-repository.js';
import { openTestDatabase } from '../support/test-database.js';

type Call = { workspaceId: string; target: PlatformTarget; message: PlatformMessage };
type SendCall = Call & { idempotencyKey: string; ref: string };
type UpdateCall = Call & { messageRef: string };

/** Records every call; `failNext` makes the next N calls throw a TransientDeliveryError or a plain Error. */
class FakeChatAdapter implements ChatAdapter {
  readonly platform = 'sandbox' as const;
  readonly pacing = { perConversationMs: 0 };
  readonly sends: SendCall[] = [];
  readonly updates: UpdateCall[] = [];
  attempts = 0;
  /** Real-time delay inside each send, so concurrent deliverers interleave. */
  delayMs = 0;
  private failures: { kind: 'transient' | 'plain'; left: number; retryAfterMs?: number }[] = [];

  failNext(times: number, kind: 'transient' | 'plain', retryAfterMs?: number): void {
    this.failures.push({ kind, left: times, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) });
  }

  private maybeFail(): void {
    this.attempts++;
    const failure = this.failures[0];
    if (!failure) return;
    failure.left--;
    if (failure.left <= 0) this.failures.shift();
    if (failure.kind === 'transient') throw new TransientDeliveryError('rate limited', failure.retryAfterMs);
    throw new Error('platform exploded');
  }

  async send(
    workspaceId: string,
    target: PlatformTarget,
    message: PlatformMessage,
    idempotencyKey: string,
  ): Promise<SentRef> {
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, Math.random() * this.delayMs));
    this.maybeFail();
    const ref = `msg-${this.sends.length + 1}`;
    this.sends.push({ workspaceId, target, message, idempotencyKey, ref });
    return { messageRef: ref };
  }

  async update(
    workspaceId: string,
    target: PlatformTarget,
    messageRef: string,
    message: OutboundMessage,
  ): Promise<void> {
    this.maybeFail();
    this.updates.push({ workspaceId, target, messageRef, message });
  }

  sendsPerKey(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const s of this.sends) counts.set(s.idempotencyKey, (counts.get(s.idempotencyKey) ?? 0) + 1);
    return counts;
  }
}

const START = new Date('2025-03-03T01:00:00Z');

let db: Awaited<ReturnType<typeof openTestDatabase>>;
let models: Models;
let store: OutboxStore;
let org: OrgId;
let workspaceId: string;
let team: Team;
let zhRep: Member;
let enRep: Member;
let noIdentity: Member;

let clock: ReturnType<typeof fixedClock>;
let adapter: FakeChatAdapter;
type LogFn = (obj: object, msg: string) => void;
let log: { warn: Mock<LogFn>; error: Mock<LogFn> };
let notifier: Notifier;

function deliverDeps(): DeliverDeps {
  return {
    orgs: mongoOrgRepository(models),
    teams: mongoTeamRepository(models),
    members: mongoMemberRepository(models),
    outbox: store,
    adapters: new Map([['sandbox', adapter]]),
    clock,
    log,
    lastSentAt: new Map(),
  };
}

const deliver = (options: Partial<DeliverOptions> = {}) =>
  deliverOutbox(deliverDeps(), { ...DEFAULT_DELIVER_OPTIONS, ...options });

const entryByKey = async (idempotencyKey: string) => {
  const doc = await models.OutboxEntry.findOne({ idempotencyKey }).lean<OutboxEntryDoc>();
  if (!doc) throw new Error(`no outbox entry ${idempotencyKey}`);
  return doc;
};

/** A notice about a card shown to several people (a lead card, say): same card key, one post per recipient. */
function cardNotice(
  member: Member,
  cardKey: string,
  mode: 'post' | 'update',
  key: string,
  availability: 'available' | 'on_leave' = 'available',
): Notice {
  return {
    ...memberStatusNotice({ ...member, availability }, team, 10, mode, key),
    cardKey,
    idempotencyKey: `${cardKey}:${member.id}:${mode}:${key}`,
  };
}

beforeAll(async () => {
  db = await openTestDatabase();
  models = bindModels(db.connection);
  await ensureIndexes(models);
  store = mongoOutboxStore(models);

  const orgObjectId = new Types.ObjectId();
  workspaceId = orgObjectId.toHexString();
  org = orgId(workspaceId);
  await models.Org.create({
    _id: orgObjectId,
    name: '测试科技',
    chat: { platform: 'sandbox', workspaceId },
    settings: { locale: 'zh-CN', timeZone: 'Asia/Shanghai', dailyCaps: { junior: 10, senior: 20 } },
    createdAt: START,
  });
  const teamDoc = await models.Team.create({ orgId: orgObjectId, name: '华东销售组', channelId: 'east' });
  const members = mongoMemberRepository(models);
  const teams = mongoTeamRepository(models);
  team = (await teams.get(org, teamDoc._id.toHexString() as Team['id']))!;
  const seed = async (name: string, extra: Record<string, unknown>) => {
    const doc = await models.Member.create({
      orgId: orgObjectId,
      name,
      roles: ['rep'],
      teamId: teamDoc._id,
      level: 'junior',
      ...extra,
    });
    return (await members.get(org, doc._id.toHexString() as Member['id']))!;
  };
  zhRep = await seed('李娜', { identities: [{ platform: 'sandbox', userId: 'u-lina' }] });
  enRep = await seed('Anna', { identities: [{ platform: 'sandbox', userId: 'u-anna' }], locale: 'en' });
  noIdentity = await seed('无账号', { identities: [{ platform: 'slack', userId: 'U123' }] });
});

afterAll(async () => {
  await db?.close();
});

beforeEach(async () => {
  await models.OutboxEntry.deleteMany({});
  await models.SentMessage.deleteMany({});
  clock = fixedClock(START);
  adapter = new FakeChatAdapter();
  log = { warn: vi.fn<LogFn>(), error: vi.fn<LogFn>() };
  notifier = outboxNotifier(store, clock, () => {});
});

describe('outbox delivery', () => {
  it('delivers a post once and records where it went in sent_messages', async () => {
    const notice = memberStatusNotice(zhRep, team, 10, 'post', 'welcome', true);
    await notifier.publish(org, [notice]);

    expect(await deliver()).toBe(1);
    expect(adapter.sends).toHaveLength(1);
    const [sent] = adapter.sends;
    expect(sent).toMatchObject({
      workspaceId,
      target: { kind: 'dm', userId: 'u-lina' },
      idempotencyKey: notice.idempotencyKey,
    });
    expect(sent?.message.card?.title).toBe(zhCN.memberStatus.title);
    expect(sent?.message.card?.markdown).toContain('李娜');

    const recorded = await models.SentMessage.find({}).lean();
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({
      cardKey: `member-status:${zhRep.id}`,
      idempotencyKey: notice.idempotencyKey,
      messageRef: sent?.ref,
      platform: 'sandbox',
      workspaceId,
      target: { kind: 'dm', userId: 'u-lina' },
      to: { kind: 'member', memberId: zhRep.id },
    });
    expect((await entryByKey(notice.idempotencyKey)).status).toBe('sent');

    expect(await deliver()).toBe(0);
    expect(adapter.sends).toHaveLength(1);
  });

  it('stores one entry and sends once when the same idempotency key is published twice', async () => {
    const notice = memberStatusNotice(zhRep, team, 10, 'post', 'twice');
    await notifier.publish(org, [notice]);
    await notifier.publish(org, [notice, memberStatusNotice(enRep, team, 10, 'post', 'twice')]);
    expect(await models.OutboxEntry.countDocuments({ idempotencyKey: notice.idempotencyKey })).toBe(1);
    expect(await models.OutboxEntry.countDocuments({})).toBe(2);

    expect(await deliver()).toBe(2);
    await notifier.publish(org, [notice]);
    expect(await deliver()).toBe(0);
    expect(adapter.sendsPerKey().get(notice.idempotencyKey)).toBe(1);
    expect(await models.SentMessage.countDocuments({ idempotencyKey: notice.idempotencyKey })).toBe(1);
  });

  it('retries a transient failure only after its backoff, then delivers it', async () => {
    adapter.failNext(1, 'transient');
    const notice = memberStatusNotice(zhRep, team, 10, 'post', 'retry');
    await notifier.publish(org, [notice]);

    expect(await deliver()).toBe(0);
    const waiting = await entryByKey(notice.idempotencyKey);
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1, lastError: 'rate limited' });
    expect(waiting.dueAt.getTime()).toBeGreaterThan(START.getTime());

    // Not due yet: nothing is tried again.
    expect(await deliver()).toBe(0);
    expect(adapter.attempts).toBe(1);

    clock.set(new Date(waiting.dueAt.getTime() + 1));
    expect(await deliver()).toBe(1);
    expect(adapter.sends).toHaveLength(1);
    const done = await entryByKey(notice.idempotencyKey);
    expect(done.status).toBe('sent');
    expect(done.lastError).toBeUndefined();
  });

  it('waits at least the retry-after the platform asked for when a transient failure carries one', async () => {
    adapter.failNext(1, 'transient', 120_000);
    const notice = memberStatusNotice(zhRep, team, 10, 'post', 'retry-after');
    await notifier.publish(org, [notice]);
    await deliver();
    const waiting = await entryByKey(notice.idempotencyKey);
    expect(waiting.dueAt.getTime()).toBeGreaterThanOrEqual(START.getTime() + 120_000);
    clock.advance(119_000);
    expect(await deliver()).toBe(0);
    clock.advance(2_000);
    expect(await deliver()).toBe(1);
  });

  it('marks an entry dead with its last error after maxAttempts transient failures, and stops trying', async () => {
    adapter.failNext(100, 'transient');
    const notice = memberStatusNotice(zhRep, team, 10, 'post', 'doomed');
    await notifier.publish(org, [notice]);
    const options = { maxAttempts: 3 };

    for (let round = 1; round <= 3; round++) {
      await deliver(options);
      expect(adapter.attempts).toBe(round);
      clock.advance(10 * 60_000);
    }
    const dead = await entryByKey(notice.idempotencyKey);
    expect(dead).toMatchObject({ status: 'dead', attempts: 3, lastError: 'rate limited' });

    await deliver(options);
    expect(adapter.attempts).toBe(3);
    expect(adapter.sends).toHaveLength(0);
  });

  it('logs a plain adapter Error and ends dead with that error when it keeps failing', async () => {
    adapter.failNext(100, 'plain');
    const notice = memberStatusNotice(zhRep, team, 10, 'post', 'bug');
    await notifier.publish(org, [notice]);
    for (let round = 0; round < 4; round++) {
      await deliver({ maxAttempts: 3 });
      clock.advance(10 * 60_000);
    }
    expect(await entryByKey(notice.idempotencyKey)).toMatchObject({
      status: 'dead',
      lastError: 'platform exploded',
    });
    expect(adapter.attempts).toBeLessThanOrEqual(3);
    expect(log.error).toHaveBeenCalled();
    expect(log.error.mock.calls[0]?.[0]).toMatchObject({ orgId: org });
  });

  it('updates every message that showed the card, each in its reader’s language', async () => {
    const cardKey = 'lead-card:L-1';
    await notifier.publish(org, [
      cardNotice(zhRep, cardKey, 'post', 'v1'),
      cardNotice(enRep, cardKey, 'post', 'v1'),
    ]);
    expect(await deliver()).toBe(2);
    const refs = new Map(adapter.sends.map((s) => [(s.target as { userId: string }).userId, s.ref]));

    await notifier.publish(org, [cardNotice(zhRep, cardKey, 'update', 'v2', 'on_leave')]);
    expect(await deliver()).toBe(1);

    expect(adapter.sends).toHaveLength(2);
    expect(adapter.updates).toHaveLength(2);
    const byUser = new Map(adapter.updates.map((u) => [(u.target as { userId: string }).userId, u]));
    expect(byUser.get('u-lina')?.messageRef).toBe(refs.get('u-lina'));
    expect(byUser.get('u-anna')?.messageRef).toBe(refs.get('u-anna'));
    expect(byUser.get('u-lina')?.message.card?.status).toBe(zhCN.memberStatus.onLeave);
    expect(byUser.get('u-anna')?.message.card?.status).toBe(en.memberStatus.onLeave);
  });

  it('holds an update back (sends nothing) while a post of the same card is still pending', async () => {
    const cardKey = 'lead-card:L-2';
    adapter.failNext(1, 'transient');
    const post = cardNotice(zhRep, cardKey, 'post', 'v1');
    await notifier.publish(org, [post]);
    expect(await deliver()).toBe(0);
    expect((await entryByKey(post.idempotencyKey)).status).toBe('pending');

    const update = cardNotice(zhRep, cardKey, 'update', 'v2', 'on_leave');
    await notifier.publish(org, [update]);
    expect(await deliver()).toBe(0);
    expect(adapter.updates).toHaveLength(0);
    const held = await entryByKey(update.idempotencyKey);
    expect(held.status).toBe('pending');
    // Waiting for the post is pacing, not a failed attempt.
    expect(held.attempts).toBe(0);

    for (let round = 0; round < 5 && adapter.updates.length === 0; round++) {
      clock.advance(5_000);
      await deliver();
    }
    expect(adapter.sends).toHaveLength(1);
    expect(adapter.updates).toHaveLength(1);
    expect(adapter.updates[0]?.messageRef).toBe(adapter.sends[0]?.ref);
    expect((await entryByKey(update.idempotencyKey)).status).toBe('sent');
  });

  it('sends a still-pending post with the newest content when an update for its card is enqueued first', async () => {
    const post = memberStatusNotice({ ...zhRep, availability: 'available' }, team, 10, 'post', 'p1');
    const update = memberStatusNotice({ ...zhRep, availability: 'on_leave' }, team, 10, 'update', 'u1');
    await notifier.publish(org, [post]);
    await notifier.publish(org, [update]);

    await deliver();
    expect(adapter.sends).toHaveLength(1);
    expect(adapter.sends[0]?.message.card?.status).toBe(zhCN.memberStatus.onLeave);
    expect(adapter.sends[0]?.message.card?.buttons[0]?.value).toBe('available');
  });

  it('delivers an entry whose deliverer crashed mid-send once its lease has ended', async () => {
    const notice = memberStatusNotice(zhRep, team, 10, 'post', 'crashed');
    await notifier.publish(org, [notice]);
    await models.OutboxEntry.updateOne(
      { idempotencyKey: notice.idempotencyKey },
      { $set: { status: 'sending', attempts: 1, dueAt: new Date(START.getTime() - 1_000) } },
    );
    expect(await deliver()).toBe(1);
    expect(adapter.sendsPerKey().get(notice.idempotencyKey)).toBe(1);
    expect((await entryByKey(notice.idempotencyKey)).status).toBe('sent');
  });

  it('leaves an entry alone while another deliverer still holds its lease', async () => {
    const notice = memberStatusNotice(zhRep, team, 10, 'post', 'leased');
    await notifier.publish(org, [notice]);
    await models.OutboxEntry.updateOne(
      { idempotencyKey: notice.idempotencyKey },
      { $set: { status: 'sending', attempts: 1, dueAt: new Date(START.getTime() + 30_000) } },
    );
    expect(await deliver()).toBe(0);
    expect(adapter.sends).toHaveLength(0);
  });

  it('delivers each of 30 entries exactly once when two deliverers run at the same time', async () => {
    adapter.delayMs = 5;
    const recipients = [zhRep, enRep];
    const notices = Array.from({ length: 30 }, (_, i) => ({
      ...memberStatusNotice(recipients[i % 2]!, team, 10, 'post', `bulk-${i}`),
      cardKey: `bulk-card:${i}`,
    }));
    await notifier.publish(org, notices);
    expect(await models.OutboxEntry.countDocuments({})).toBe(30);

    const [a, b] = await Promise.all([deliverOutbox(deliverDeps()), deliverOutbox(deliverDeps())]);
    expect(a + b).toBe(30);
    const perKey = adapter.sendsPerKey();
    expect(perKey.size).toBe(30);
    expect([...perKey.values()].every((n) => n === 1)).toBe(true);
    expect(await models.OutboxEntry.countDocuments({ status: 'sent' })).toBe(30);
    expect(await models.SentMessage.countDocuments({})).toBe(30);
  });

  it('marks the entry dead without sending when the member has no identity on the org’s platform', async () => {
    const notice = memberStatusNotice(noIdentity, team, 10, 'post', 'nowhere');
    await notifier.publish(org, [notice]);
    expect(await deliver()).toBe(0);
    expect(adapter.attempts).toBe(0);
    const dead = await entryByKey(notice.idempotencyKey);
    expect(dead.status).toBe('dead');
    expect(dead.lastError).toContain('identity');
    expect(log.warn).toHaveBeenCalled();
  });

  it('does not leave a card showing older content when an earlier update is retried after a newer one', async () => {
    const post = memberStatusNotice({ ...zhRep, availability: 'available' }, team, 10, 'post', 'order-p');
    await notifier.publish(org, [post]);
    await deliver();

    // The first change fails transiently; the second goes out at once.
    adapter.failNext(1, 'transient');
    await notifier.publish(org, [
      memberStatusNotice({ ...zhRep, availability: 'on_leave' }, team, 10, 'update', 'order-1'),
    ]);
    await deliver();
    clock.advance(1);
    await notifier.publish(org, [
      memberStatusNotice({ ...zhRep, availability: 'available' }, team, 10, 'update', 'order-2'),
    ]);
    await deliver();
    // Later, the first change's retry falls due.
    clock.advance(10 * 60_000);
    await deliver();

    expect(await models.OutboxEntry.countDocuments({ status: { $in: ['pending', 'sending'] } })).toBe(0);
    const last = adapter.updates.at(-1);
    expect(last?.message.card?.status).toBe(zhCN.memberStatus.available);
  });

  it('changes nothing when an older update is published again (a dropped duplicate must not win)', async () => {
    const post = memberStatusNotice({ ...zhRep, availability: 'available' }, team, 10, 'post', 'dup-p');
    const older = memberStatusNotice({ ...zhRep, availability: 'on_leave' }, team, 10, 'update', 'dup-1');
    const newer = memberStatusNotice({ ...zhRep, availability: 'available' }, team, 10, 'update', 'dup-2');
    await notifier.publish(org, [post]);
    await notifier.publish(org, [older]);
    await notifier.publish(org, [newer]);
    // A retried use-case publishes the older notice again; its key is stored, so it must be dropped whole.
    await notifier.publish(org, [older]);

    for (let round = 0; round < 5; round++) {
      await deliver();
      clock.advance(5_000);
    }
    expect(adapter.sends).toHaveLength(1);
    const shown = adapter.updates.at(-1)?.message ?? adapter.sends[0]?.message;
    expect(shown?.card?.status).toBe(zhCN.memberStatus.available);
  });
  it('orders a versioned card’s copies by their version in one write: an older notice again changes nothing', async () => {
    const v = (seq: number, mode: 'post' | 'update', key: string, onLeave: boolean): Notice => ({
      ...memberStatusNotice(
        { ...zhRep, availability: onLeave ? 'on_leave' : 'available' },
        team,
        10,
        mode,
        key,
      ),
      seq,
    });
    // Queued, not delivered yet: the post takes the newest content; the older update re-published cannot undo it.
    await notifier.publish(org, [v(1, 'post', 'seq-p', false)]);
    await notifier.publish(org, [v(2, 'update', 'seq-2', true)]);
    await notifier.publish(org, [v(3, 'update', 'seq-3', false)]);
    await notifier.publish(org, [v(2, 'update', 'seq-2', true)]);
    const queued = await entryByKey(v(1, 'post', 'seq-p', false).idempotencyKey);
    expect(queued.data).toEqual(v(3, 'update', 'seq-3', false).data);
    expect((await entryByKey(v(2, 'update', 'seq-2', true).idempotencyKey)).status).toBe('sent');
    for (let round = 0; round < 5; round++) {
      await deliver();
      clock.advance(5_000);
    }
    expect(adapter.sends).toHaveLength(1);
    const shown = adapter.updates.at(-1)?.message ?? adapter.sends[0]?.message;
    expect(shown?.card?.status).toBe(zhCN.memberStatus.available);
  });

  it('hands a thread message the mentioned members’ platform user ids, leaving out members without one', async () => {
    // The approval card is the thread's root; the decision goes under it and mentions the old and new owner.
    const threadKey = 'approval:L-1:1';
    await store.recordSent(
      {
        orgId: org,
        cardKey: threadKey,
        to: { kind: 'team', teamId: team.id },
        platform: 'sandbox',
        workspaceId,
        target: { kind: 'channel', channelId: 'east' },
        messageRef: 'root-1',
        idempotencyKey: 'root-1',
      },
      START,
    );
    const decision = (key: string, newOwner: Member): Notice => ({
      kind: 'lead.decision',
      to: { kind: 'thread', teamId: team.id, threadKey },
      mode: 'post',
      idempotencyKey: key,
      data: {
        leadId: leadId('L-1'),
        approval: 'approved',
        decidedByName: '王总',
        originalOwnerId: zhRep.id,
        originalOwnerName: zhRep.name,
        newOwnerId: newOwner.id,
        newOwnerName: newOwner.name,
      },
    });
    await notifier.publish(org, [decision('decision-1', enRep), decision('decision-2', noIdentity)]);
    const deps = deliverDeps();
    const get = vi.spyOn(deps.members, 'get');

    expect(await deliverOutbox(deps)).toBe(2);
    const [both, one] = adapter.sends;
    expect(both?.target).toEqual({ kind: 'thread', channelId: 'east', threadRef: 'root-1' });
    expect(both?.message.mentions).toEqual([zhRep.id, enRep.id]);
    expect(both?.message.mentionUserIds).toEqual(['u-lina', 'u-anna']);
    // 无账号 has no sandbox identity: left out, and the message still goes (its text names everyone).
    expect(one?.message.mentionUserIds).toEqual(['u-lina']);
    expect(one?.message.text).toContain('无账号');
    // One read per mentioned member, nothing more.
    expect(get).toHaveBeenCalledTimes(4);
  });
});

/** A lead entering the team's pool, as lead-notices publishes it to the channel. */
function pooledNotice(n: number, score = 50): Notice {
  const id = leadId(`L-${n}`);
  return {
    kind: 'lead.card',
    to: { kind: 'team', teamId: team.id },
    cardKey: `lead:${id}`,
    mode: 'post',
    idempotencyKey: `lead:${id}:v1:team`,
    data: {
      leadId: id,
      version: 1,
      status: 'pooled',
      name: `客户${n}`,
      source: 'website',
      campaign: '双十二',
      score,
      grade: 'normal',
    },
  };
}

function reminderNotice(n: number, to: Member, step: 'nudge' | 'manager'): Notice {
  const card = pooledNotice(n).data as Extract<Notice, { kind: 'lead.card' }>['data'];
  return {
    kind: 'lead.reminder',
    to: { kind: 'member', memberId: to.id },
    cardKey: `lead:L-${n}:reminder`,
    mode: 'post',
    idempotencyKey: `lead:L-${n}:v2:${step}`,
    data: {
      ...card,
      status: 'assigned',
      followUpStatus: 'unfollowed',
      ownerId: zhRep.id,
      ownerName: zhRep.name,
      reclaimAt: new Date(START.getTime() + (n + 1) * 60_000).toISOString(),
      step,
    },
  };
}

describe('quiet delivery: a burst of one kind to one place is one card', () => {
  const statuses = async () => (await models.OutboxEntry.find({}).lean()).map((d) => d.status);

  it('tells 50 leads pooled at once in one pool summary card, best first, with claim buttons and /pool named', async () => {
    await notifier.publish(
      org,
      Array.from({ length: 50 }, (_, i) => pooledNotice(i, i === 17 ? 99 : 40 + (i % 10))),
    );
    expect(await deliver()).toBe(50);
    expect(adapter.sends).toHaveLength(1);
    const card = adapter.sends[0]?.message.card;
    expect(card?.title).toBe('公海新增 50 条线索');
    expect(card?.fields).toContainEqual({ label: '活动', value: '双十二' });
    expect(card?.fields).toContainEqual({ label: '最高评分', value: '99' });
    expect(card?.buttons[0]).toMatchObject({ actionId: 'lead.claim', value: 'L-17' });
    expect(card?.buttons).toHaveLength(5);
    expect(card?.markdown).toContain('另有 45 条未列出');
    expect(card?.markdown).toContain('/公海');
    expect(new Set(await statuses())).toEqual(new Set(['sent']));
  });

  it('sends a single lead its own card at once, holds the next within the window, then tells the rest together', async () => {
    const deps = deliverDeps();
    const run = () => deliverOutbox(deps, DEFAULT_DELIVER_OPTIONS);
    await notifier.publish(org, [pooledNotice(1)]);
    expect(await run()).toBe(1);
    expect(adapter.sends[0]?.message.card?.title).not.toContain('公海新增');

    clock.advance(1_000);
    await notifier.publish(org, [pooledNotice(2), pooledNotice(3)]);
    expect(await run()).toBe(0);
    expect(adapter.sends).toHaveLength(1);

    clock.advance(2_000);
    expect(await run()).toBe(2);
    expect(adapter.sends).toHaveLength(2);
    expect(adapter.sends[1]?.message.card?.title).toBe('公海新增 2 条线索');
  });

  it('tells a rep the leads that became theirs in one burst in one card, without claim buttons', async () => {
    const mine = (n: number): Notice => {
      const pooled = pooledNotice(n, 60 + n) as Extract<Notice, { kind: 'lead.card' }>;
      return {
        ...pooled,
        to: { kind: 'member', memberId: zhRep.id },
        idempotencyKey: `lead:L-${n}:v1:owner`,
        data: { ...pooled.data, status: 'assigned', ownerId: zhRep.id },
      };
    };
    await notifier.publish(org, [mine(1), mine(2), mine(3)]);
    expect(await deliver()).toBe(3);
    expect(adapter.sends).toHaveLength(1);
    const card = adapter.sends[0]?.message.card;
    expect(card?.title).toBe('新分配给你 3 条线索');
    expect(card?.markdown?.split('\n')[1]).toContain('客户3');
    expect(card?.buttons).toEqual([]);
  });

  it('tells a rep 20 reminders of one step in one card with a button per listed lead, and the manager once', async () => {
    await notifier.publish(org, [
      ...Array.from({ length: 20 }, (_, i) => reminderNotice(i, zhRep, 'nudge')),
      ...Array.from({ length: 20 }, (_, i) => reminderNotice(i, enRep, 'manager')),
    ]);
    expect(await deliver()).toBe(40);
    expect(adapter.sends).toHaveLength(2);
    const rep = adapter.sends.find((s) => s.target.kind === 'dm' && s.target.userId === 'u-lina');
    expect(rep?.message.card?.title).toBe('跟进提醒：20 条线索未跟进');
    expect(rep?.message.card?.buttons).toHaveLength(10);
    expect(rep?.message.card?.buttons[0]).toMatchObject({ actionId: 'lead.follow_up', value: 'L-0' });
    const manager = adapter.sends.find((s) => s.target.kind === 'dm' && s.target.userId === 'u-anna');
    expect(manager?.message.card?.title).toBe('Leads not followed up (copy to manager): 20');
    // Issue #11 item 7: the manager's copy offers 重新分配 per listed lead (it had no buttons).
    expect(manager?.message.card?.buttons).toHaveLength(10);
    expect(manager?.message.card?.buttons[0]).toMatchObject({ actionId: 'lead.assign', value: 'L-0' });
  });

  it('tells each notice of a burst once when two deliverers take the same group at the same time', async () => {
    adapter.delayMs = 5;
    await notifier.publish(
      org,
      Array.from({ length: 30 }, (_, i) => pooledNotice(i)),
    );
    const counts = await Promise.all([deliver(), deliver()]);
    expect(counts[0] + counts[1]).toBe(30);
    expect(adapter.sends.length).toBeLessThanOrEqual(2);
    const told = adapter.sends.map((s) =>
      Number(/公海新增 (\d+) 条线索/.exec(s.message.card?.title ?? '')?.[1] ?? 1),
    );
    expect(told.reduce((a, b) => a + b, 0)).toBe(30);
    expect(new Set(await statuses())).toEqual(new Set(['sent']));
  });

  it('loses nothing when the send of a burst fails: the whole burst is told once its lease ends', async () => {
    await notifier.publish(
      org,
      Array.from({ length: 5 }, (_, i) => pooledNotice(i)),
    );
    adapter.failNext(1, 'plain');
    expect(await deliver()).toBe(0);
    expect(await statuses()).not.toContain('sent');

    clock.advance(DEFAULT_DELIVER_OPTIONS.leaseMs + 1);
    expect(await deliver()).toBe(5);
    expect(adapter.sends).toHaveLength(1);
    expect(adapter.sends[0]?.message.card?.title).toBe('公海新增 5 条线索');
    expect(new Set(await statuses())).toEqual(new Set(['sent']));
  });
});
