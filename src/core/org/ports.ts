import type { RoutingConfig, ScoringConfig } from '../leads/index.js';
import type { MemberId, OrgId, TeamId } from '../shared/ids.js';
import type { OrgSettingsPatch } from './configure-org-settings.js';
import type { Availability, ChatWorkspace, Member, Org, Platform, PlatformIdentity, Team } from './types.js';

// Every query takes the orgId: a repository cannot be asked for another tenant's data by accident.

export interface OrgRepository {
  get(orgId: OrgId): Promise<Org | undefined>;
  findByWorkspace(platform: Platform, workspaceId: string): Promise<Org | undefined>;
  /** Orgs whose chat lives on this platform, oldest first (the sandbox serves these). */
  listByPlatform(platform: Platform): Promise<Org[]>;
  /** Moves the org to a chat workspace; undefined if absent. A workspace held by another org throws CONFLICT. */
  setChat(orgId: OrgId, chat: ChatWorkspace): Promise<Org | undefined>;
  /** Replaces the org's routing rules in one write; returns the org after the change. */
  setRouting(orgId: OrgId, routing: RoutingConfig): Promise<Org | undefined>;
  /** Sets some settings in one write (`businessHours: null` removes working hours); returns the org after. */
  updateSettings(orgId: OrgId, patch: OrgSettingsPatch): Promise<Org | undefined>;
  /** Replaces the org's lead scoring table in one write. */
  setScoring(orgId: OrgId, scoring: ScoringConfig): Promise<Org | undefined>;
}

export interface TeamRepository {
  get(orgId: OrgId, teamId: TeamId): Promise<Team | undefined>;
  list(orgId: OrgId): Promise<Team[]>;
  update(
    orgId: OrgId,
    teamId: TeamId,
    patch: { channelId?: string; managerId?: MemberId },
  ): Promise<Team | undefined>;
}

export interface MemberRepository {
  get(orgId: OrgId, memberId: MemberId): Promise<Member | undefined>;
  list(orgId: OrgId, filter?: { teamId?: TeamId; activeOnly?: boolean }): Promise<Member[]>;
  findByIdentity(orgId: OrgId, platform: Platform, userId: string): Promise<Member | undefined>;
  /** One conditional write; returns the member as it is after the change, or undefined if absent. */
  setAvailability(orgId: OrgId, memberId: MemberId, availability: Availability): Promise<Member | undefined>;
  /** Replaces the member's platform identities; a user id held by another member throws CONFLICT. */
  setIdentities(
    orgId: OrgId,
    memberId: MemberId,
    identities: readonly PlatformIdentity[],
  ): Promise<Member | undefined>;
}
