import type { FollowUpDeps } from '../../src/core/follow-ups/ports.js';
import type { IntakeDeps } from '../../src/core/leads/intake-lead.js';
import type { Lead } from '../../src/core/leads/lead-types.js';
import type { NewLead } from '../../src/core/leads/ports.js';
import type { RoutingConfig } from '../../src/core/leads/routing-config.js';
import { type Caller, memberCaller, systemCaller } from '../../src/core/org/caller.js';
import { DEFAULT_ORG_SETTINGS, type Member, type OrgSettings } from '../../src/core/org/types.js';
import type { DeadlineDeps } from '../../src/core/pools/run-lead-deadlines.js';
import { fixedClock } from '../../src/core/shared/clock.js';
import { DomainError } from '../../src/core/shared/errors.js';
import { FakeFollowUpRepository } from './fake-follow-up-repository.js';
import { FakeLeadRepository } from './fake-lead-repository.js';
import { FakeRosterRepository } from './fake-roster-repository.js';
import {
  FakeMemberRepository,
  FakeNotifier,
  FakeOrgRepository,
  FakeTeamRepository,
  makeMember,
  makeOrg,
  makeTeam,
  TEAM_ID,
} from './fakes.js';

/** Monday 2 March 2026, 10:00 in Shanghai: every core unit test starts at this fixed instant. */
export const AT = new Date('2026-03-02T02:00:00Z');
export const HOUR = 3_600_000;

/** The team every world has: two reps, their manager and the sales director. */
export const REP_A = makeMember('00000000000000000000c001', { name: '张伟' });
export const REP_B = makeMember('00000000000000000000c002', { name: '李娜' });
export const MANAGER = makeMember('00000000000000000000c003', { name: '王经理', roles: ['manager'] });
export const DIRECTOR = makeMember('00000000000000000000c004', { name: '赵总监', roles: ['director'] });

/** Round robin inside the one team, for every lead. */
export const ROUND_ROBIN: RoutingConfig = {
  rules: [],
  default: { name: 'default', teamId: TEAM_ID, strategy: 'round_robin' },
};

/** An org with fakes for every port, a fixed clock and callers for its members. */
export function leadWorld(
  options: { settings?: Partial<OrgSettings>; members?: readonly Member[]; reps?: number } = {},
) {
  const org = makeOrg({ settings: { ...DEFAULT_ORG_SETTINGS, ...options.settings } });
  const extra = Array.from({ length: options.reps ?? 0 }, (_, i) =>
    makeMember((0xd000 + i).toString(16).padStart(24, '0'), { name: `rep ${i}` }),
  );
  const members = [...(options.members ?? [REP_A, REP_B, MANAGER, DIRECTOR]), ...extra];
  const leads = new FakeLeadRepository();
  const roster = new FakeRosterRepository(members);
  const notifier = new FakeNotifier();
  const clock = fixedClock(AT);
  const orgs = new FakeOrgRepository([org]);
  const teams = new FakeTeamRepository([makeTeam({ managerId: MANAGER.id })]);
  const conversion = { conversionWeights: async () => new Map() };
  const followUps = new FakeFollowUpRepository();
  const deps: IntakeDeps &
    DeadlineDeps &
    FollowUpDeps & { members: FakeMemberRepository; leads: FakeLeadRepository } = {
    leads,
    roster,
    notifier,
    clock,
    orgs,
    teams,
    conversion,
    members: new FakeMemberRepository(members),
    followUps,
  };
  return {
    org,
    deps,
    leads,
    roster,
    notifier,
    clock,
    followUps,
    members: extra,
    as: (member: Member): Caller => memberCaller(org, member, 'zh-CN'),
    system: systemCaller(org),
    /** Stores a lead directly (no routing): pooled in the team's pool unless told otherwise. */
    async store(overrides: Partial<NewLead> = {}): Promise<Lead> {
      const result = await leads.insert({
        orgId: org.id,
        contact: { name: '王芳', phone: '13800000001' },
        source: 'web',
        tags: [],
        score: 50,
        grade: 'normal',
        status: 'pooled',
        teamId: TEAM_ID,
        history: [{ type: 'pooled', at: AT }],
        version: 1,
        createdAt: AT,
        updatedAt: AT,
        ...overrides,
      });
      if (!('lead' in result)) throw new Error(`insert refused: ${result.conflict}`);
      return result.lead;
    },
  };
}

/** The DomainError a promise rejects with (anything else fails the test). */
export async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return error;
}
