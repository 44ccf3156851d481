import { describe, expect, it } from 'vitest';
import { taskId } from '../../../src/core/after-sales/index.js';
import type { AuditEntry } from '../../../src/core/audit/index.js';
import {
  type HandOverNoticeData,
  type OffboardDeps,
  offboardMember,
} from '../../../src/core/offboarding/index.js';
import { memberCaller } from '../../../src/core/org/index.js';
import { fixedClock } from '../../../src/core/shared/clock.js';
import { DomainError } from '../../../src/core/shared/errors.js';
import {
  FakeMemberRepository,
  FakeNotifier,
  FakeTeamRepository,
  makeMember,
  makeOrg,
  makeTeam,
} from '../fakes.js';
import { FakeOffboardingStore, FakeTasks, openLead } from './offboarding-fakes.js';

const AT = new Date('2026-12-02T02:00:00Z');
const ADMIN = makeMember('00000000000000000000a001', {
  name: '周建国',
  roles: ['admin'],
  teamId: undefined as never,
});
const LEAVER = makeMember('00000000000000000000c001', { name: '张伟' });
// The receiver is also the after-sales manager: their leads and tasks come in one card, not two.
const RECEIVER = makeMember('00000000000000000000c002', {
  name: '李娜',
  roles: ['manager', 'aftersales_manager'],
});
const GONE = makeMember('00000000000000000000c003', { name: '刘洋', active: false });
const REP = makeMember('00000000000000000000c004', { name: '孙磊' });

function world() {
  const members = new FakeMemberRepository([ADMIN, LEAVER, RECEIVER, GONE, REP]);
  const store = new FakeOffboardingStore(members);
  const tasks = new FakeTasks();
  const notifier = new FakeNotifier();
  const clock = fixedClock(AT);
  const deps: OffboardDeps = {
    offboarding: store,
    members,
    teams: new FakeTeamRepository([makeTeam()]),
    tasks,
    notifier,
    clock,
    audit: { record: async (entry) => void audited.push(entry) },
  };
  const audited: AuditEntry[] = [];
  const org = makeOrg();
  return { audited, deps, store, tasks, notifier, clock, members, caller: memberCaller(org, ADMIN, 'zh-CN') };
}

const toReceiver = { memberId: LEAVER.id, body: { leadsTo: RECEIVER.id } };

describe('offboardMember', () => {
  it('moves 450 leads in 3 bulk writes and sends one card per receiver, leads and tasks together', async () => {
    const w = world();
    w.store.add(
      ...Array.from({ length: 450 }, (_, i) => openLead(i, LEAVER, i === 449 ? 'important' : 'normal')),
    );
    w.tasks.add({ id: taskId('t1'), assigneeId: LEAVER.id });
    w.store.tokens.push({ memberId: LEAVER.id }, { memberId: REP.id });
    const result = await offboardMember(w.deps, w.caller, toReceiver);
    expect(result).toMatchObject({ leadsMoved: 450, tasksMoved: 1, tokensRevoked: 1, identitiesUnlinked: 1 });
    expect(w.store.bulkWrites).toEqual([200, 200, 50]);
    expect(w.store.openCounts.get(RECEIVER.id)).toBe(450);
    const notices = w.notifier.notices();
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({
      kind: 'member.handed_over',
      to: { kind: 'member', memberId: RECEIVER.id },
      data: { leaverName: '张伟', leadCount: 450, taskCount: 1, toPool: false },
    });
    expect((notices[0]!.data as HandOverNoticeData).leads[0]?.grade).toBe('important');
    expect(w.store.tokens.find((t) => t.memberId === REP.id)?.revokedAt).toBeUndefined();
    expect((await w.members.get(w.caller.org.id, LEAVER.id))?.identities).toEqual([]);
    expect(w.store.former.get(LEAVER.id)).toEqual(LEAVER.identities);
    expect(w.audited).toEqual([
      expect.objectContaining({
        kind: 'member.leave',
        actor: expect.objectContaining({ memberId: ADMIN.id }),
        target: { type: 'member', id: LEAVER.id, label: '张伟' },
        details: expect.objectContaining({ leadsMoved: 450, tokensRevoked: 1 }),
      }),
    ]);
  });

  it('does not move a lead changed under the bulk write; the next round moves it, once', async () => {
    const w = world();
    w.store.add(openLead(1, LEAVER), openLead(2, LEAVER));
    let first = true;
    w.store.beforeMove = () => {
      if (!first) return;
      first = false;
      const lead = w.store.leads.get('lead-1')!;
      w.store.leads.set(lead.id, { ...lead, version: lead.version + 1 });
    };
    const result = await offboardMember(w.deps, w.caller, toReceiver);
    expect(result.leadsMoved).toBe(2);
    expect(w.store.bulkWrites).toEqual([2, 1]);
    const events = w.store.leads.get('lead-1')!.history.filter((e) => e.reason?.kind === 'offboarding');
    expect(events).toHaveLength(1);
  });

  it('refuses a receiver who left, the leaver themself, or one who works no leads, before anything changes', async () => {
    const w = world();
    const refusal = (leadsTo: string) =>
      offboardMember(w.deps, w.caller, { memberId: LEAVER.id, body: { leadsTo } }).catch(
        (e: DomainError) => e,
      );
    expect(await refusal(GONE.id)).toMatchObject({
      code: 'HANDOVER_RECEIVER_NOT_ELIGIBLE',
      details: { why: 'inactive' },
    });
    expect(await refusal(LEAVER.id)).toMatchObject({ details: { why: 'leaver' } });
    expect(await refusal(ADMIN.id)).toMatchObject({ details: { why: 'not_rep' } });
    expect(await refusal('nobody')).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((await w.members.get(w.caller.org.id, LEAVER.id))?.active).toBe(true);
  });

  it('is for admins only', async () => {
    const w = world();
    const asRep = memberCaller(w.caller.org, REP, 'zh-CN');
    const error = await offboardMember(w.deps, asRep, toReceiver).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('resumes a dead run with its first decision, and sends the rest to the pool if that receiver left meanwhile', async () => {
    const w = world();
    w.store.add(...Array.from({ length: 250 }, (_, i) => openLead(i, LEAVER)));
    w.store.beforeMove = () => {
      if (w.store.bulkWrites.length === 2) throw new Error('killed');
    };
    await expect(offboardMember(w.deps, w.caller, toReceiver)).rejects.toThrow('killed');
    await expect(offboardMember(w.deps, w.caller, toReceiver)).rejects.toMatchObject({
      code: 'OFFBOARDING_IN_PROGRESS',
      details: { byName: '周建国' },
    });
    w.members.members.set(RECEIVER.id, { ...RECEIVER, active: false });
    w.clock.advance(3 * 60_000);
    const rerun = await offboardMember(w.deps, w.caller, toReceiver);
    expect(rerun).toMatchObject({
      resumed: true,
      leadsMoved: 50,
      leadsTo: { kind: 'pool' },
      identitiesUnlinked: 0,
    });
    expect([...w.store.leads.values()].filter((l) => l.status === 'pooled')).toHaveLength(50);
    // The card goes to the team channel for the 50 in the pool; the 200 the dead run gave the receiver are theirs.
    expect(w.notifier.notices()).toEqual([
      expect.objectContaining({
        to: { kind: 'team', teamId: LEAVER.teamId },
        data: expect.objectContaining({ leadCount: 50 }),
      }),
    ]);
    await expect(offboardMember(w.deps, w.caller, toReceiver)).rejects.toMatchObject({
      code: 'MEMBER_ALREADY_LEFT',
    });
  });
});
