import type { MemberId, OrgId, TeamId } from '../shared/ids.js';
import type { Locale, Member, Role } from './types.js';

/** Who is asking: a member acting through chat or the API, or the system itself (jobs, intake). */
export type Actor = {
  readonly orgId: OrgId;
  readonly memberId?: MemberId;
  readonly roles: readonly Role[];
  readonly teamId?: TeamId;
  readonly locale: Locale;
  readonly kind: 'member' | 'system' | 'api';
};

export function memberActor(member: Member, locale: Locale): Actor {
  return {
    orgId: member.orgId,
    memberId: member.id,
    roles: member.roles,
    ...(member.teamId ? { teamId: member.teamId } : {}),
    locale,
    kind: 'member',
  };
}

export function systemActor(orgId: OrgId, locale: Locale): Actor {
  return { orgId, roles: ['admin'], locale, kind: 'system' };
}

/** An API client holding an org's token acts with the roles granted to the token. */
export function apiActor(orgId: OrgId, roles: readonly Role[], locale: Locale): Actor {
  return { orgId, roles, locale, kind: 'api' };
}
