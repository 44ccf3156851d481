import type { RoutingConfig } from '../../src/core/leads/routing-config.js';
import type { ScoringConfig } from '../../src/core/leads/score-lead.js';
import type { MemberRepository, OrgRepository, TeamRepository } from '../../src/core/org/ports.js';
import {
  type Availability,
  type ChatWorkspace,
  DEFAULT_ORG_SETTINGS,
  type Member,
  type Org,
  type Platform,
  type PlatformIdentity,
  type Team,
} from '../../src/core/org/types.js';
import {
  type MemberId,
  memberId,
  type OrgId,
  orgId,
  type TeamId,
  teamId,
} from '../../src/core/shared/ids.js';
import type { Notice, Notifier } from '../../src/core/shared/notices.js';

/** In-memory fakes of the core ports, for unit tests of use-cases and the chat registry. */

export const ORG_ID = orgId('org-1');
export const TEAM_ID = teamId('team-1');

export function makeOrg(overrides: Partial<Org> = {}): Org {
  return {
    id: ORG_ID,
    name: 'Test Org',
    chat: { platform: 'sandbox', workspaceId: 'ws-1' },
    settings: DEFAULT_ORG_SETTINGS,
    createdAt: new Date('2025-01-01T00:00:00Z'),
    ...overrides,
  };
}

export function makeTeam(overrides: Partial<Team> = {}): Team {
  return { id: TEAM_ID, orgId: ORG_ID, name: '华东销售组', channelId: 'east', ...overrides };
}

export function makeMember(id: string, overrides: Partial<Member> = {}): Member {
  return {
    id: memberId(id),
    orgId: ORG_ID,
    name: `member ${id}`,
    roles: ['rep'],
    teamId: TEAM_ID,
    level: 'junior',
    availability: 'available',
    active: true,
    identities: [{ platform: 'sandbox', userId: `u-${id}` }],
    ...overrides,
  };
}

export class FakeOrgRepository implements OrgRepository {
  readonly orgs = new Map<OrgId, Org>();
  constructor(orgs: readonly Org[] = []) {
    for (const org of orgs) this.orgs.set(org.id, org);
  }
  async get(id: OrgId) {
    return this.orgs.get(id);
  }
  async findByWorkspace(platform: Platform, workspaceId: string) {
    return [...this.orgs.values()].find(
      (o) => o.chat.platform === platform && o.chat.workspaceId === workspaceId,
    );
  }
  async listByPlatform(platform: Platform) {
    return [...this.orgs.values()].filter((o) => o.chat.platform === platform);
  }
  async setChat(id: OrgId, chat: ChatWorkspace) {
    const org = this.orgs.get(id);
    if (!org) return undefined;
    const updated = { ...org, chat };
    this.orgs.set(id, updated);
    return updated;
  }
  async setRouting(id: OrgId, routing: RoutingConfig) {
    return this.setSetting(id, { routing });
  }
  async updateSettings(id: OrgId, patch: Record<string, unknown>) {
    const clean = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== null && v !== undefined));
    return this.setSetting(id, clean as Partial<Org['settings']>);
  }
  async setScoring(id: OrgId, scoring: ScoringConfig) {
    return this.setSetting(id, { scoring });
  }
  private setSetting(id: OrgId, change: Partial<Org['settings']>) {
    const org = this.orgs.get(id);
    if (!org) return undefined;
    const updated = { ...org, settings: { ...org.settings, ...change } };
    this.orgs.set(id, updated);
    return updated;
  }
}

export class FakeTeamRepository implements TeamRepository {
  readonly teams = new Map<TeamId, Team>();
  constructor(teams: readonly Team[] = []) {
    for (const team of teams) this.teams.set(team.id, team);
  }
  async get(org: OrgId, id: TeamId) {
    const team = this.teams.get(id);
    return team?.orgId === org ? team : undefined;
  }
  async list(org: OrgId) {
    return [...this.teams.values()].filter((t) => t.orgId === org);
  }
  async update(org: OrgId, id: TeamId, patch: { channelId?: string; managerId?: MemberId }) {
    const team = await this.get(org, id);
    if (!team) return undefined;
    const updated = { ...team, ...patch };
    this.teams.set(id, updated);
    return updated;
  }
}

export class FakeMemberRepository implements MemberRepository {
  readonly members = new Map<MemberId, Member>();
  /** Every setAvailability call, so a test can assert nothing was written. */
  readonly writes: { memberId: MemberId; availability: Availability }[] = [];
  constructor(members: readonly Member[] = []) {
    for (const member of members) this.members.set(member.id, member);
  }
  async get(org: OrgId, id: MemberId) {
    const member = this.members.get(id);
    return member?.orgId === org ? member : undefined;
  }
  async list(org: OrgId, filter: { teamId?: TeamId; activeOnly?: boolean } = {}) {
    return [...this.members.values()].filter(
      (m) =>
        m.orgId === org &&
        (filter.teamId === undefined || m.teamId === filter.teamId) &&
        (!filter.activeOnly || m.active),
    );
  }
  async findByIdentity(org: OrgId, platform: Platform, userId: string) {
    return [...this.members.values()].find(
      (m) => m.orgId === org && m.identities.some((i) => i.platform === platform && i.userId === userId),
    );
  }
  async setAvailability(org: OrgId, id: MemberId, availability: Availability) {
    this.writes.push({ memberId: id, availability });
    const member = this.members.get(id);
    if (!member || member.orgId !== org) return undefined;
    const updated: Member = { ...member, availability };
    this.members.set(id, updated);
    return updated;
  }
  async setIdentities(org: OrgId, id: MemberId, identities: readonly PlatformIdentity[]) {
    const member = await this.get(org, id);
    if (!member) return undefined;
    const updated: Member = { ...member, identities };
    this.members.set(id, updated);
    return updated;
  }
}

export class FakeNotifier implements Notifier {
  readonly published: { orgId: OrgId; notices: readonly Notice[] }[] = [];
  async publish(org: OrgId, notices: readonly Notice[]) {
    this.published.push({ orgId: org, notices });
  }
  /** Every notice of every publish call, flattened. */
  notices(): Notice[] {
    return this.published.flatMap((p) => [...p.notices]);
  }
}

// The lead and roster fakes live in their own files (each is held to the repositories' contract test).
export { FakeLeadRepository } from './fake-lead-repository.js';
export { FakeRosterRepository } from './fake-roster-repository.js';
