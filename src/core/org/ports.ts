import type { RoutingConfig } from '../leads/routing-config.js';
import type { ScoringConfig } from '../leads/score-lead.js';
import type { MemberId, OrgId, TeamId } from '../shared/ids.js';
import type { OrgSettingsPatch } from './configure-org-settings.js';
import type { Availability, Member, Org, Platform, Team } from './types.js';

// Every query takes the orgId: a repository cannot be asked for another tenant's data by accident.

export interface OrgRepository {
  get(orgId: OrgId): Promise<Org | undefined>;
  findByWorkspace(platform: Platform, workspaceId: string): Promise<Org | undefined>;
  /** Orgs whose chat lives on this platform, oldest first (the sandbox serves these). */
  listByPlatform(platform: Platform): Promise<Org[]>;
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
}

export interface MemberRepository {
  get(orgId: OrgId, memberId: MemberId): Promise<Member | undefined>;
  list(orgId: OrgId, filter?: { teamId?: TeamId; activeOnly?: boolean }): Promise<Member[]>;
  findByIdentity(orgId: OrgId, platform: Platform, userId: string): Promise<Member | undefined>;
  /** One conditional write; returns the member as it is after the change, or undefined if absent. */
  setAvailability(orgId: OrgId, memberId: MemberId, availability: Availability): Promise<Member | undefined>;
}
