import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countCommands, totalOf } from '../../scripts/bench/command-counter.js';
import { outboxNotifier } from '../../src/chat/outbox/outbox-notifier.js';
import { intakeLead } from '../../src/core/leads/index.js';
import {
  type OffboardDeps,
  type OffboardingStore,
  offboardMember,
  previewOffboarding,
} from '../../src/core/offboarding/index.js';
import { apiCaller, memberCaller } from '../../src/core/org/caller.js';
import type { Member, Org } from '../../src/core/org/types.js';
import { DomainError } from '../../src/core/shared/errors.js';
import { memberId } from '../../src/core/shared/ids.js';
import { type CountedDemoApp, openCountedDemoApp } from './support/counted-demo-app.js';

// Offboarding on the real driver and the dev database: the bulk hand-over (counted in commands), a crash in the
// middle and the rerun, two admins at once, the rehire, and one card per receiver.

let counted: CountedDemoApp;
let db: CountedDemoApp['db'];
let app: CountedDemoApp['app'];
let org: Org;
let roster: Member[];
beforeAll(async () => {
  counted = await openCountedDemoApp();
  ({ db, app, org } = counted);
  roster = await app.repos.members.list(org.id);
}, 60_000);
afterAll(() => counted?.close());

const named = (name: string) => roster.find((m) => m.name === name)!;
const admin = () => memberCaller(org, named('周建国'), 'zh-CN');
// A notifier that only writes the outbox: no delivery run starts, so the commands counted are offboarding's.
const deps = (store?: OffboardingStore): OffboardDeps => ({
  offboarding: store ?? app.repos.offboarding,
  members: app.repos.members,
  teams: app.repos.teams,
  tasks: app.repos.tasks,
  notifier: outboxNotifier(app.repos.outbox, app.clock, () => {}, app.repos.members),
  clock: app.clock,
});

let phone = 13700001000;
/** `count` open leads owned by `owner` (one real intake, then copies of its document: setting up is not the test). */
async function leadsOf(owner: Member, count: number, grade: 'normal' | 'important' = 'normal') {
  const { lead } = await intakeLead(app.intakeDeps, apiCaller(org, ['admin']), {
    lead: { phone: String(++phone), region: '上海', source: 'api', name: '样板客户' },
  });
  const doc = (await app.models.Lead.collection.findOne({ _id: new Types.ObjectId(lead.id) }))!;
  await app.models.Lead.collection.deleteOne({ _id: doc._id });
  const { keys: _k, ...rest } = doc;
  const copies = Array.from({ length: count }, (_, i) => ({
    ...rest,
    _id: new Types.ObjectId(),
    code: `L-${++phone}`,
    contact: { name: `客户${i}` },
    grade: i === count - 1 ? 'important' : grade,
    status: 'claimed',
    ownerId: new Types.ObjectId(owner.id),
    ownerName: owner.name,
    teamId: owner.teamId ? new Types.ObjectId(owner.teamId) : doc.teamId,
  }));
  await app.models.Lead.collection.insertMany(copies);
  await app.outboxPump.idle();
}

const ownedBy = (m: Member) =>
  app.models.Lead.countDocuments({ orgId: org.id, ownerId: m.id, status: { $in: ['assigned', 'claimed'] } });
const cards = (leaver: Member) =>
  app.models.OutboxEntry.find({
    orgId: org.id,
    kind: 'member.handed_over',
    'data.leaverName': leaver.name,
  }).lean();

describe('offboardMember on the real database', () => {
  it('hands 500 leads over in batches (a handful of commands, not 500 round trips) with one card to the receiver', async () => {
    const leaver = named('张伟');
    const receiver = named('李娜');
    await leadsOf(leaver, 500);
    await app.models.ApiToken.collection.insertOne({
      orgId: new Types.ObjectId(org.id),
      memberId: new Types.ObjectId(leaver.id),
      name: '张伟的令牌',
      hash: 'h-zhangwei',
      prefix: 'lr_zw',
      roles: ['rep'],
      createdAt: new Date(),
    });
    await app.repos.members.setIdentities(org.id, leaver.id, [{ platform: 'sandbox', userId: 'u-zhangwei' }]);
    const preview = await previewOffboarding(deps(), admin(), {
      memberId: leaver.id,
      body: { leadsTo: receiver.id },
    });
    expect(preview).toMatchObject({ name: '张伟', leadCount: 500, receiver: { name: '李娜' }, taskCount: 0 });
    const before = await ownedBy(receiver);
    const counter = countCommands(db.connection);
    const mark = counter.mark();
    const result = await offboardMember(deps(), admin(), {
      memberId: leaver.id,
      body: { leadsTo: receiver.id },
    });
    const commands = counter.since(mark);
    counter.stop();
    expect(result).toMatchObject({
      leadsMoved: 500,
      tokensRevoked: 1,
      identitiesUnlinked: 1,
      resumed: false,
    });
    expect(await ownedBy(leaver)).toBe(0);
    expect(await ownedBy(receiver)).toBe(before + 500);
    // Per batch of 200 (3 batches, then the empty query that ends it): its find, one bulk write, the receiver's
    // counter and the lease. The fixed part: 3 member reads, the tasks query, the begin write, the tokens' one
    // updateMany, the card's count (aggregate) and list, the outbox write and the finish. Never per lead.
    expect(commands).toEqual({ find: 9, update: 13, aggregate: 1 });
    expect(totalOf(commands)).toBe(23);
    const moved = await app.models.Lead.findOne({
      orgId: org.id,
      ownerId: receiver.id,
      grade: 'important',
    }).lean();
    expect(moved?.history.at(-1)).toMatchObject({
      type: 'reassigned',
      reason: { kind: 'offboarding', memberId: leaver.id, name: '张伟' },
    });
    const sent = await cards(leaver);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ to: { kind: 'member', memberId: receiver.id } });
    expect(sent[0]!.data).toMatchObject({ leadCount: 500, leads: expect.arrayContaining([]) });
    expect((sent[0]!.data as { leads: { grade: string }[] }).leads[0]!.grade).toBe('important');
    const gone = (await app.models.Member.collection.findOne({ _id: new Types.ObjectId(leaver.id) }))!;
    expect(gone).toMatchObject({ active: false, identities: [] });
    expect(gone.formerIdentities).toEqual([
      expect.objectContaining({ platform: 'sandbox', userId: 'u-zhangwei' }),
    ]);
    expect(await app.repos.members.findByIdentity(org.id, 'sandbox', 'u-zhangwei')).toBeUndefined();
    const token = await app.models.ApiToken.collection.findOne({ hash: 'h-zhangwei' });
    expect(token?.revokedAt).toBeInstanceOf(Date);
    // A second call is refused, and says who did it.
    const again = await offboardMember(deps(), admin(), {
      memberId: leaver.id,
      body: { leadsTo: receiver.id },
    }).catch((e: DomainError) => e);
    expect(again).toBeInstanceOf(DomainError);
    expect(again).toMatchObject({ code: 'MEMBER_ALREADY_LEFT', details: { byName: '周建国' } });
  }, 120_000);

  it('finishes a run that crashed half-way when called again after its lease, moving nothing twice and carding once', async () => {
    const leaver = named('刘洋');
    const receiver = named('王海峰');
    await leadsOf(leaver, 250);
    let batches = 0;
    const crashing: OffboardingStore = {
      ...app.repos.offboarding,
      async moveLeads(o, moves) {
        const applied = await app.repos.offboarding.moveLeads(o, moves);
        if (++batches === 1) throw new Error('killed after the first batch');
        return applied;
      },
    };
    await expect(
      offboardMember(deps(crashing), admin(), { memberId: leaver.id, body: { leadsTo: receiver.id } }),
    ).rejects.toThrow('killed');
    expect(await ownedBy(leaver)).toBe(50);
    // Within the lease, another call is told a run is in progress.
    await expect(
      offboardMember(deps(), admin(), { memberId: leaver.id, body: { leadsTo: 'pool' } }),
    ).rejects.toMatchObject({ code: 'OFFBOARDING_IN_PROGRESS' });
    app.clock.advance(3 * 60_000);
    // The rerun keeps the first decision (the receiver), not the pool asked for now.
    const rerun = await offboardMember(deps(), admin(), { memberId: leaver.id, body: { leadsTo: 'pool' } });
    expect(rerun).toMatchObject({ resumed: true, leadsMoved: 50, leadsTo: { memberId: receiver.id } });
    expect(await ownedBy(leaver)).toBe(0);
    const handed = await app.models.Lead.find({
      orgId: org.id,
      history: { $elemMatch: { 'reason.kind': 'offboarding', 'reason.memberId': leaver.id } },
    }).lean();
    expect(handed).toHaveLength(250);
    // Each lead moved once: exactly one offboarding event each.
    const events = handed.map(
      (l) => l.history.filter((e) => (e.reason as { kind?: string })?.kind === 'offboarding').length,
    );
    expect(new Set(events)).toEqual(new Set([1]));
    const sent = await cards(leaver);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.data).toMatchObject({ leadCount: 250 });
  }, 120_000);

  it('lets exactly one of two admins offboard a member at the same time; the other is told', async () => {
    const leaver = named('吴静');
    await leadsOf(leaver, 30);
    const outcomes = await Promise.allSettled([
      offboardMember(deps(), admin(), { memberId: leaver.id, body: { leadsTo: 'pool' } }),
      offboardMember(deps(), apiCaller(org, ['admin']), { memberId: leaver.id, body: { leadsTo: 'pool' } }),
    ]);
    const won = outcomes.filter((o) => o.status === 'fulfilled');
    const lost = outcomes.filter((o) => o.status === 'rejected') as PromiseRejectedResult[];
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(['OFFBOARDING_IN_PROGRESS', 'MEMBER_ALREADY_LEFT']).toContain(
      (lost[0]!.reason as DomainError).code,
    );
    expect(await ownedBy(leaver)).toBe(0);
    const pooled = await app.models.Lead.countDocuments({
      orgId: org.id,
      status: 'pooled',
      teamId: new Types.ObjectId(leaver.teamId!),
      history: { $elemMatch: { 'reason.kind': 'offboarding', 'reason.memberId': leaver.id } },
    });
    expect(pooled).toBe(30);
    // One card, to the team's channel (its pool got them), none per lead.
    const sent = await cards(leaver);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ to: { kind: 'team', teamId: leaver.teamId }, data: { toPool: true } });
  }, 120_000);

  it('gives a rehire none of it back: no lead, token or chat identity returns; a new member may take the chat account', async () => {
    const leaver = named('张伟');
    // Reactivated by hand (as an admin fixing the record would): still nothing of theirs comes back.
    await app.models.Member.updateOne({ _id: leaver.id }, { $set: { active: true } });
    const back = (await app.repos.members.get(org.id, leaver.id))!;
    expect(back.identities).toEqual([]);
    expect(await ownedBy(back)).toBe(0);
    const token = await app.models.ApiToken.collection.findOne({ hash: 'h-zhangwei' });
    expect(token?.revokedAt).toBeInstanceOf(Date);
    // The same chat account on a new member record: it is free (former identities are not matched) and maps to
    // the new member, who owns nothing of the old one.
    const newcomer = { _id: new Types.ObjectId() };
    await app.models.Member.collection.insertOne({
      ...newcomer,
      orgId: new Types.ObjectId(org.id),
      name: '张伟',
      roles: ['rep'],
      level: 'junior',
      teamId: new Types.ObjectId(leaver.teamId!),
      availability: 'available',
      active: true,
      identities: [],
    });
    const linked = await app.repos.members.setIdentities(org.id, memberId(newcomer._id.toHexString()), [
      { platform: 'sandbox', userId: 'u-zhangwei' },
    ]);
    expect(linked?.identities).toEqual([{ platform: 'sandbox', userId: 'u-zhangwei' }]);
    const found = await app.repos.members.findByIdentity(org.id, 'sandbox', 'u-zhangwei');
    expect(found?.id).toBe(newcomer._id.toHexString());
    expect(await ownedBy(found!)).toBe(0);
  });
});
