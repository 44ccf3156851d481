import { beforeEach, describe, expect, it } from 'vitest';
import { memberCaller } from '../../src/core/org/caller.js';
import { setMemberAvailability } from '../../src/core/org/set-member-availability.js';
import { fixedClock } from '../../src/core/shared/clock.js';
import { DomainError } from '../../src/core/shared/errors.js';
import { memberId } from '../../src/core/shared/ids.js';
import {
  FakeMemberRepository,
  FakeNotifier,
  FakeOrgRepository,
  FakeTeamRepository,
  makeMember,
  makeOrg,
  makeTeam,
  ORG_ID,
} from './fakes.js';

const NOW = new Date('2025-03-01T08:00:00Z');

const rep = makeMember('rep-1', { name: '李娜', roles: ['rep'], level: 'senior' });
const otherRep = makeMember('rep-2', { name: '张伟', roles: ['rep'], dailyCap: 3 });
const manager = makeMember('mgr-1', { name: '王海峰', roles: ['manager'] });

let deps: {
  orgs: FakeOrgRepository;
  teams: FakeTeamRepository;
  members: FakeMemberRepository;
  notifier: FakeNotifier;
  clock: ReturnType<typeof fixedClock>;
};

beforeEach(() => {
  deps = {
    orgs: new FakeOrgRepository([makeOrg()]),
    teams: new FakeTeamRepository([makeTeam()]),
    members: new FakeMemberRepository([rep, otherRep, manager]),
    notifier: new FakeNotifier(),
    clock: fixedClock(NOW),
  };
});

const rejection = async (promise: Promise<unknown>): Promise<DomainError> => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return error;
};

describe('setMemberAvailability', () => {
  it('puts a rep on leave and publishes exactly one member.status update for their card', async () => {
    const updated = await setMemberAvailability(deps, memberCaller(makeOrg(), rep, 'zh-CN'), {
      memberId: rep.id,
      availability: 'on_leave',
    });
    expect(updated).toMatchObject({ id: rep.id, availability: 'on_leave' });
    expect((await deps.members.get(ORG_ID, rep.id))?.availability).toBe('on_leave');

    expect(deps.notifier.published).toHaveLength(1);
    expect(deps.notifier.published[0]?.orgId).toBe(ORG_ID);
    const notices = deps.notifier.notices();
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({
      kind: 'member.status',
      mode: 'update',
      cardKey: `member-status:${rep.id}`,
      to: { kind: 'member', memberId: rep.id },
      data: {
        memberId: rep.id,
        name: '李娜',
        teamName: '华东销售组',
        level: 'senior',
        dailyCap: 20,
        availability: 'on_leave',
      },
    });
    expect(notices[0]?.idempotencyKey).toContain(`member-status:${rep.id}:update:`);
  });

  it('gives each real change its own idempotency key when the same member flips twice', async () => {
    const actor = memberCaller(makeOrg(), rep, 'zh-CN');
    await setMemberAvailability(deps, actor, { memberId: rep.id, availability: 'on_leave' });
    deps.clock.advance(1_000);
    await setMemberAvailability(deps, actor, { memberId: rep.id, availability: 'available' });
    deps.clock.advance(1_000);
    await setMemberAvailability(deps, actor, { memberId: rep.id, availability: 'on_leave' });
    const keys = deps.notifier.notices().map((n) => n.idempotencyKey);
    expect(new Set(keys).size).toBe(3);
  });

  it('uses the member’s own daily cap in the notice when they have one', async () => {
    await setMemberAvailability(deps, memberCaller(makeOrg(), manager, 'zh-CN'), {
      memberId: otherRep.id,
      availability: 'on_leave',
    });
    expect(deps.notifier.notices()[0]?.data).toMatchObject({ memberId: otherRep.id, dailyCap: 3 });
  });

  it('lets a manager put another member on leave', async () => {
    const updated = await setMemberAvailability(deps, memberCaller(makeOrg(), manager, 'zh-CN'), {
      memberId: rep.id,
      availability: 'on_leave',
    });
    expect(updated.availability).toBe('on_leave');
    expect(deps.notifier.notices()).toHaveLength(1);
    expect(deps.notifier.notices()[0]?.cardKey).toBe(`member-status:${rep.id}`);
  });

  it('refuses a rep changing another member with FORBIDDEN, and neither writes nor publishes', async () => {
    const error = await rejection(
      setMemberAvailability(deps, memberCaller(makeOrg(), rep, 'zh-CN'), {
        memberId: otherRep.id,
        availability: 'on_leave',
      }),
    );
    expect(error.code).toBe('FORBIDDEN');
    expect(error.details.action).toBe('member.set_availability.other');
    expect(deps.members.writes).toEqual([]);
    expect((await deps.members.get(ORG_ID, otherRep.id))?.availability).toBe('available');
    expect(deps.notifier.published).toEqual([]);
  });

  it('fails with MEMBER_NOT_FOUND and publishes nothing when the target does not exist', async () => {
    const missing = memberId('nobody');
    const error = await rejection(
      setMemberAvailability(deps, memberCaller(makeOrg(), manager, 'zh-CN'), {
        memberId: missing,
        availability: 'on_leave',
      }),
    );
    expect(error.code).toBe('MEMBER_NOT_FOUND');
    expect(error.details).toEqual({ memberId: missing });
    expect(deps.notifier.published).toEqual([]);
  });

  it('fails with ORG_NOT_FOUND and writes nothing when the actor’s org is gone', async () => {
    deps.orgs.orgs.clear();
    const error = await rejection(
      setMemberAvailability(deps, memberCaller(makeOrg(), rep, 'zh-CN'), {
        memberId: rep.id,
        availability: 'on_leave',
      }),
    );
    expect(error.code).toBe('ORG_NOT_FOUND');
    expect(deps.members.writes).toEqual([]);
    expect(deps.notifier.published).toEqual([]);
  });

  it('leaves teamName out of the notice when the member has no team', async () => {
    const loner = makeMember('solo', { roles: ['aftersales'] });
    const { teamId: _drop, ...withoutTeam } = loner;
    deps.members.members.set(loner.id, withoutTeam);
    await setMemberAvailability(deps, memberCaller(makeOrg(), withoutTeam, 'zh-CN'), {
      memberId: loner.id,
      availability: 'on_leave',
    });
    expect(deps.notifier.notices()[0]?.data).not.toHaveProperty('teamName');
  });
});
