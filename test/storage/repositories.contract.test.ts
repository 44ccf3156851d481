import { Types } from 'mongoose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { HISTORY_LIMIT, type Lead } from '../../src/core/leads/lead-types.js';
import type { LeadRepository, NewLead, RosterRepository, TakeTurn } from '../../src/core/leads/ports.js';
import type { LeadNoticeSweep } from '../../src/core/leads/sweep-lead-notices.js';
import type { Member } from '../../src/core/org/types.js';
import { type LeadId, orgId, teamId } from '../../src/core/shared/ids.js';
import { bindModels, ensureIndexes, type Models } from '../../src/storage/models.js';
import { leadNoticeSweep } from '../../src/storage/repositories/lead-notice-sweep.js';
import { mongoLeadRepository } from '../../src/storage/repositories/lead-repository.js';
import { mongoRosterRepository } from '../../src/storage/repositories/roster-repository.js';
import { FakeLeadRepository } from '../core/fake-lead-repository.js';
import { FakeRosterRepository } from '../core/fake-roster-repository.js';
import { makeMember } from '../core/fakes.js';
import { openTestDatabase } from '../support/test-database.js';

// One set of cases, run against the in-memory fakes the core unit tests use and against the mongo repositories on
// the test database: a fake that drifts from the real thing fails here, not silently in a unit test.

const ORG = orgId('00000000000000000000a001');
const OTHER_ORG = orgId('00000000000000000000a002');
const TEAM = teamId('00000000000000000000b001');
const AT = new Date('2026-03-02T02:00:00Z');
const hex = (n: number) => n.toString(16).padStart(24, '0');
const rep = (n: number, overrides: Partial<Member> = {}) =>
  makeMember(hex(0xc000 + n), { orgId: ORG, teamId: TEAM, name: `rep ${n}`, ...overrides });

type Subject = {
  leads: LeadRepository;
  roster: RosterRepository;
  sweep: LeadNoticeSweep;
  addMember(member: Member): Promise<void>;
  reset(): Promise<void>;
};

function fakeSubject(): Subject {
  const subject: Subject = {
    leads: new FakeLeadRepository(),
    roster: new FakeRosterRepository(),
    get sweep() {
      return subject.leads as FakeLeadRepository;
    },
    async addMember(member) {
      (subject.roster as FakeRosterRepository).add(member);
    },
    async reset() {
      subject.leads = new FakeLeadRepository();
      subject.roster = new FakeRosterRepository();
    },
  };
  return subject;
}

function mongoSubject(models: () => Models): Subject {
  return {
    get leads() {
      return mongoLeadRepository(models());
    },
    get roster() {
      return mongoRosterRepository(models());
    },
    get sweep() {
      return leadNoticeSweep(models());
    },
    async addMember(m) {
      await models().Member.collection.insertOne({
        _id: new Types.ObjectId(m.id),
        orgId: new Types.ObjectId(m.orgId),
        name: m.name,
        roles: [...m.roles],
        ...(m.teamId ? { teamId: new Types.ObjectId(m.teamId) } : {}),
        level: m.level,
        availability: m.availability,
        active: m.active,
        identities: [],
      });
    },
    async reset() {
      await models().Lead.deleteMany({});
      await models().Counter.deleteMany({});
      await models().Member.deleteMany({});
    },
  };
}

let db: Awaited<ReturnType<typeof openTestDatabase>>;
let models: Models;
beforeAll(async () => {
  db = await openTestDatabase();
  models = bindModels(db.connection);
  await ensureIndexes(models);
});
afterAll(() => db.close());

const newLead = (s: Subject, overrides: Partial<NewLead> = {}): NewLead & { id: LeadId } => ({
  id: s.leads.newId(),
  orgId: ORG,
  contact: { name: '王芳' },
  source: 'web',
  tags: [],
  score: 50,
  grade: 'normal',
  status: 'pooled',
  history: [{ type: 'pooled', at: AT }],
  version: 1,
  createdAt: AT,
  updatedAt: AT,
  ...overrides,
});

async function stored(s: Subject, overrides: Partial<NewLead> = {}): Promise<Lead> {
  const result = await s.leads.insert(newLead(s, overrides));
  if (!('lead' in result)) throw new Error(`insert refused: ${result.conflict}`);
  return result.lead;
}

const claimEvent = (by: Member) => ({ type: 'claimed' as const, at: AT, actorId: by.id, ownerId: by.id });

describe.each([
  ['in-memory fakes', () => fakeSubject()],
  ['mongo repositories', () => mongoSubject(() => models)],
])('lead and roster repositories: %s', (_name, make) => {
  const s = make();
  beforeEach(() => s.reset());

  it('reads a stored lead back only within its own org', async () => {
    const lead = await stored(s, { contact: { name: '王芳', phone: '13800000001' } });
    expect(await s.leads.get(ORG, lead.id)).toMatchObject({ id: lead.id, status: 'pooled', version: 1 });
    expect(await s.leads.get(OTHER_ORG, lead.id)).toBeUndefined();
  });

  it('gives every stored lead the next short code of its org, one by one and in batches, and finds it by code', async () => {
    const first = await stored(s);
    const batch = await s.leads.insertMany([newLead(s), newLead(s, { orgId: OTHER_ORG }), newLead(s)]);
    const codes = batch.map((r) => ('lead' in r ? r.lead.code : r.conflict));
    expect([first.code, ...codes]).toEqual(['L-1001', 'L-1002', 'L-1001', 'L-1003']);
    expect((await s.leads.findByCode(ORG, 'L-1003'))?.id).toBe(
      ('lead' in batch[2]! && batch[2].lead.id) || '',
    );
    expect((await s.leads.get(ORG, first.id))?.code).toBe('L-1001');
    expect(await s.leads.findByCode(OTHER_ORG, 'L-1003')).toBeUndefined();
  });

  it('never gives two leads one code when inserts race', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => s.leads.insert(newLead(s))));
    const codes = results.map((r) => ('lead' in r ? r.lead.code : undefined));
    expect(new Set(codes).size).toBe(20);
  });

  it('refuses a second lead with the same idempotency key as a replay, and a shared dedupe key as a duplicate', async () => {
    await stored(s, { idempotencyKey: 'k1', keys: { phone: '13800000001' } });
    expect(await s.leads.insert(newLead(s, { idempotencyKey: 'k1' }))).toEqual({ conflict: 'replay' });
    expect(await s.leads.insert(newLead(s, { keys: { phone: '13800000001' } }))).toEqual({
      conflict: 'duplicate',
    });
    // Another org may hold the same customer.
    expect(
      'lead' in (await s.leads.insert(newLead(s, { orgId: OTHER_ORG, keys: { phone: '13800000001' } }))),
    ).toBe(true);
  });

  it('finds the replay and the oldest original sharing a key', async () => {
    const first = await stored(s, { keys: { email: 'a@x.cn' } });
    await stored(s, { keys: { phone: '13800000002' } });
    const replayed = await stored(s, { source: 'crm', externalId: 'e-1' });
    const found = await s.leads.findExisting(
      ORG,
      { email: 'a@x.cn', phone: '13800000002' },
      { source: 'crm', externalId: 'e-1' },
    );
    expect(found.replay?.id).toBe(replayed.id);
    expect(found.original?.id).toBe(first.id);
  });

  it('inserts many at once, reporting each refused position', async () => {
    await stored(s, { keys: { company: 'acme' } });
    const results = await s.leads.insertMany([
      newLead(s, { keys: { company: 'globex' } }),
      newLead(s, { keys: { company: 'acme' } }),
      newLead(s, { idempotencyKey: 'b#2' }),
    ]);
    expect(results.map((r) => ('lead' in r ? 'ok' : r.conflict))).toEqual(['ok', 'duplicate', 'ok']);
  });

  it('applies a change only at the version read: bumps it, appends the event, sets and unsets', async () => {
    const lead = await stored(s, { dueStep: 'nudge', dueAt: AT });
    const change = {
      set: { followUpStatus: 'following' as const, cooldowns: [{ memberId: rep(1).id, until: AT }] },
      unset: ['dueStep', 'dueAt'] as const,
      event: {
        type: 'followed_up' as const,
        at: AT,
        reason: { kind: 'typed' as const, text: '打过电话，客户说下周再谈' },
      },
    };
    const updated = await s.leads.updateIf(
      ORG,
      lead.id,
      { version: 1 },
      { ...change, unset: [...change.unset] },
    );
    expect(updated).toMatchObject({ version: 2, followUpStatus: 'following' });
    expect(updated?.dueStep).toBeUndefined();
    expect(updated?.history.map((e) => e.type)).toEqual(['pooled', 'followed_up']);
    expect(updated?.cooldowns).toEqual([{ memberId: rep(1).id, until: AT }]);
    // A reason is stored as data and read back as it was written, full-width punctuation and all.
    expect(updated?.history.at(-1)?.reason).toEqual({ kind: 'typed', text: '打过电话，客户说下周再谈' });
    expect(await s.leads.updateIf(ORG, lead.id, { version: 1 }, { event: change.event })).toBeUndefined();
    expect(
      await s.leads.updateIf(OTHER_ORG, lead.id, { version: 2 }, { event: change.event }),
    ).toBeUndefined();
  });

  it('keeps the newest HISTORY_LIMIT events and counts the dropped ones, whichever condition writes', async () => {
    const lead = await stored(s);
    const note = (n: number) => ({ type: 'nudged' as const, at: new Date(AT.getTime() + n * 1000) });
    for (let n = 1; n < HISTORY_LIMIT; n++)
      await s.leads.updateIf(ORG, lead.id, { version: n }, { event: note(n) });
    const full = await s.leads.get(ORG, lead.id);
    expect([full?.history.length, full?.historyDropped]).toEqual([HISTORY_LIMIT, undefined]);
    await s.leads.updateIf(ORG, lead.id, { version: HISTORY_LIMIT }, { event: note(HISTORY_LIMIT) });
    const claimed = await s.leads.updateIf(
      ORG,
      lead.id,
      { claimableBy: rep(1).id },
      { set: { status: 'claimed', ownerId: rep(1).id }, event: claimEvent(rep(1)) },
    );
    expect(claimed?.history).toHaveLength(HISTORY_LIMIT);
    expect(claimed?.historyDropped).toBe(2);
    // The first two went (the intake's `pooled` and the first nudge); the newest is last.
    expect(claimed?.history[0]?.at).toEqual(note(2).at);
    expect(claimed?.history.at(-1)?.type).toBe('claimed');
    expect(await s.leads.get(ORG, lead.id)).toMatchObject({ historyDropped: 2, version: HISTORY_LIMIT + 2 });
  });

  it('stores an inserted history over the limit as its newest events and the count of the rest', async () => {
    const history = Array.from({ length: HISTORY_LIMIT + 3 }, (_, n) => ({
      type: 'nudged' as const,
      at: new Date(AT.getTime() + n * 1000),
    }));
    const lead = await stored(s, { history });
    expect((await s.leads.get(ORG, lead.id))?.historyDropped).toBe(3);
    expect(lead.historyDropped).toBe(3);
  });

  it('lets a claim condition through for a pooled lead or one assigned to the claimer, not to another', async () => {
    const [a, b] = [rep(1), rep(2)];
    const pooled = await stored(s);
    const assigned = await stored(s, { status: 'assigned', ownerId: a.id });
    const claim = (by: Member) => ({
      set: { status: 'claimed' as const, ownerId: by.id },
      event: claimEvent(by),
    });
    expect(await s.leads.updateIf(ORG, assigned.id, { claimableBy: b.id }, claim(b))).toBeUndefined();
    expect(await s.leads.updateIf(ORG, assigned.id, { claimableBy: a.id }, claim(a))).toMatchObject({
      status: 'claimed',
      ownerId: a.id,
    });
    expect(await s.leads.updateIf(ORG, pooled.id, { claimableBy: b.id }, claim(b))).toMatchObject({
      ownerId: b.id,
    });
    expect(await s.leads.updateIf(ORG, pooled.id, { claimableBy: a.id }, claim(a))).toBeUndefined();
  });

  it('gives a pooled lead to exactly one of 24 simultaneous claims', async () => {
    const lead = await stored(s);
    const reps = Array.from({ length: 24 }, (_, i) => rep(i + 1));
    const results = await Promise.all(
      reps.map((r) =>
        s.leads.updateIf(
          ORG,
          lead.id,
          { claimableBy: r.id },
          {
            set: { status: 'claimed', ownerId: r.id },
            event: claimEvent(r),
          },
        ),
      ),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    expect((await s.leads.get(ORG, lead.id))?.version).toBe(2);
  });

  it('lists one campaign’s leads of a team pool (bulk assignment by filter)', async () => {
    const ours = await stored(s, { teamId: TEAM, campaign: '双十二' });
    await stored(s, { teamId: TEAM, campaign: '618' });
    await stored(s, { campaign: '双十二' });
    const found = await s.leads.list(ORG, { teamId: TEAM, pool: 'public', campaign: '双十二', limit: 10 });
    expect(found.map((l) => l.id)).toEqual([ours.id]);
  });

  it('lists the leads of any of several teams in one query (a manager of two teams)', async () => {
    const other = teamId('00000000000000000000b002');
    const ours = await stored(s, { teamId: TEAM });
    const theirs = await stored(s, { teamId: other });
    await stored(s, { teamId: teamId('00000000000000000000b003') });
    await stored(s, {});
    const found = await s.leads.list(ORG, { teamIds: [TEAM, other], limit: 10 });
    expect(found.map((l) => l.id).sort()).toEqual([ours.id, theirs.id].sort());
    expect(await s.leads.count(ORG, { teamIds: [TEAM, other] })).toBe(2);
    expect(await s.leads.list(ORG, { teamIds: [], limit: 10 })).toEqual([]);
  });

  it('lists newest first with filters and paging, and finds due steps oldest first across orgs', async () => {
    const owner = rep(1);
    const leads = [];
    for (let i = 0; i < 4; i++)
      leads.push(await stored(s, { status: 'claimed', ownerId: owner.id, teamId: TEAM }));
    await stored(s, { teamId: TEAM });
    const mine = await s.leads.list(ORG, { ownerId: owner.id, pool: 'private', limit: 2 });
    expect(mine.map((l) => l.id)).toEqual([leads[3]!.id, leads[2]!.id]);
    const next = await s.leads.list(ORG, { ownerId: owner.id, limit: 10, before: leads[2]!.id });
    expect(next.map((l) => l.id)).toEqual([leads[1]!.id, leads[0]!.id]);
    expect(await s.leads.list(ORG, { teamId: TEAM, pool: 'public', limit: 10 })).toHaveLength(1);
    expect(await s.leads.list(ORG, { pool: 'public', status: 'claimed', limit: 10 })).toEqual([]);
    // count() matches what list() pages through, every page together, within the org only.
    expect(await s.leads.count(ORG, { ownerId: owner.id, pool: 'private' })).toBe(4);
    expect(await s.leads.count(ORG, { teamId: TEAM, pool: 'public' })).toBe(1);
    expect(await s.leads.count(OTHER_ORG, { ownerId: owner.id })).toBe(0);

    const later = await stored(s, { dueStep: 'reclaim', dueAt: new Date(AT.getTime() + 2000) });
    const sooner = await stored(s, {
      orgId: OTHER_ORG,
      dueStep: 'nudge',
      dueAt: new Date(AT.getTime() + 1000),
    });
    await stored(s, { dueStep: 'nudge', dueAt: new Date(AT.getTime() + 9000) });
    const due = await s.leads.findDue(new Date(AT.getTime() + 5000), 10);
    expect(due.map((l) => l.id)).toEqual([sooner.id, later.id]);
  });

  it('marks every insert and write for the notice sweep, and settles only the version it swept', async () => {
    const lead = await stored(s, { updatedAt: AT });
    const later = new Date(AT.getTime() + 60_000);
    expect((await s.sweep.pending(AT, 10)).map((l) => l.id)).toEqual([lead.id]);
    const read = (await s.sweep.pending(AT, 10))[0]!;
    await s.leads.updateIf(ORG, lead.id, { version: 1 }, { event: { type: 'nudged', at: later } });
    expect(await s.sweep.pending(AT, 10)).toEqual([]);
    await s.sweep.settle([read]);
    expect((await s.sweep.pending(later, 10)).map((l) => l.version)).toEqual([2]);
    await s.sweep.settle([{ orgId: ORG, id: lead.id, version: 2 }]);
    expect(await s.sweep.pending(later, 10)).toEqual([]);
  });

  it('takes a member’s turn once per pass, within the daily cap and the private pool', async () => {
    const a = rep(1);
    await s.addMember(a);
    await s.addMember(rep(2, { availability: 'on_leave' }));
    const roster = await s.roster.load(ORG, TEAM);
    expect(roster.map((m) => [m.pass, m.assignedToday, m.openLeads, m.onLeave])).toEqual([
      [0, 0, 0, false],
      [0, 0, 0, true],
    ]);
    const turn: TakeTurn = {
      memberId: a.id,
      expectedPass: 0,
      nextPass: 1,
      day: '2026-03-02',
      newDay: true,
      assignedToday: 1,
      dailyCap: 2,
      poolCapacity: 5,
      count: 1,
    };
    const [won, lost] = await Promise.all([s.roster.takeTurn(ORG, turn), s.roster.takeTurn(ORG, turn)]);
    expect([won, lost].filter(Boolean)).toHaveLength(1);
    const sameDay = { ...turn, expectedPass: 1, nextPass: 2, newDay: false, assignedToday: 2 };
    expect(await s.roster.takeTurn(ORG, sameDay)).toBe(true);
    // The cap (2) is reached.
    expect(await s.roster.takeTurn(ORG, { ...sameDay, expectedPass: 2, nextPass: 3, assignedToday: 3 })).toBe(
      false,
    );
    await s.roster.undoTurn(ORG, sameDay);
    expect((await s.roster.load(ORG, TEAM))[0]).toMatchObject({ pass: 1, assignedToday: 1, openLeads: 1 });
    expect(await s.roster.takeTurn(ORG, { ...turn, memberId: rep(2).id })).toBe(false);
  });

  it('takes many turns in one call, reporting the ones that lost', async () => {
    const [a, b] = [rep(1), rep(2)];
    await s.addMember(a);
    await s.addMember(b);
    const base = {
      day: '2026-03-02',
      newDay: true,
      assignedToday: 2,
      dailyCap: 5,
      poolCapacity: 5,
      count: 2,
    };
    const taken = await s.roster.takeTurns(ORG, [
      { ...base, memberId: a.id, expectedPass: 0, nextPass: 2 },
      { ...base, memberId: b.id, expectedPass: 7, nextPass: 8 },
    ]);
    expect(taken).toEqual([true, false]);
    expect((await s.roster.loadAll(ORG)).map((m) => m.openLeads)).toEqual([2, 0]);
  });

  it('reserves pool slots up to the capacity and the day’s claims, and gives them back', async () => {
    const a = rep(1);
    await s.addMember(a);
    const limits = { capacity: 2, day: '2026-03-02', perDay: 1 };
    expect(await s.roster.reservePoolSlot(ORG, a.id, limits)).toBe('ok');
    expect(await s.roster.reservePoolSlot(ORG, a.id, limits)).toBe('daily_limit');
    expect(await s.roster.reservePoolSlot(ORG, a.id, { ...limits, day: '2026-03-03' })).toBe('ok');
    expect(await s.roster.reservePoolSlot(ORG, a.id, { ...limits, day: '2026-03-04' })).toBe('capacity');
    await s.roster.unreservePoolSlot(ORG, a.id, '2026-03-03');
    expect(await s.roster.reservePoolSlot(ORG, a.id, { ...limits, day: '2026-03-03' })).toBe('ok');
    await s.roster.freePoolSlots(ORG, [a.id, a.id, a.id]);
    await s.roster.addToPool(ORG, a.id);
    expect((await s.roster.load(ORG, TEAM))[0]?.openLeads).toBe(1);
  });

  it('lets exactly one of many simultaneous reservations take the last slot', async () => {
    const a = rep(1);
    await s.addMember(a);
    const limits = { capacity: 1, day: '2026-03-02', perDay: 10 };
    const outcomes = await Promise.all(
      Array.from({ length: 8 }, () => s.roster.reservePoolSlot(ORG, a.id, limits)),
    );
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'capacity')).toHaveLength(7);
  });
});
