import { DomainError } from '../shared/errors.js';
import type { TeamId } from '../shared/ids.js';
import type { Locale, Member, Org, Platform, Role, Team } from './types.js';

/**
 * From where a request came, for the audit trail: the chat platform, the API token (its id and name; never its
 * secret), a scheduled job or a command-line script. Set where the caller is built; absent when nobody said.
 */
export type CallerOrigin = {
  readonly platform?: Platform;
  readonly tokenId?: string;
  readonly tokenName?: string;
  readonly job?: string;
  /** The npm script a person ran (`backup`, `restore`, `export`): the command line, not a job. */
  readonly script?: string;
  /** Who ran that script: the operating-system user (there is no member at the command line). */
  readonly osUser?: string;
};

/**
 * Who is asking, built once per request (the chat registry, the API auth middleware) and handed to every
 * use-case as is: the org, the acting member (absent for the system, an API token, or a chat user not linked yet)
 * and the roles the request acts with.
 */
export type Caller = {
  readonly org: Org;
  readonly member?: Member;
  readonly roles: readonly Role[];
  readonly locale: Locale;
  readonly kind: 'member' | 'system' | 'api' | 'guest';
  /**
   * The teams whose `Team.managerId` is the member (a manager may run two teams, or one they are not a member
   * of), looked up once where the caller is built; with `member.teamId` they make a manager's scope (leadScope).
   */
  readonly managedTeamIds?: readonly TeamId[];
  readonly origin?: CallerOrigin;
};

/** The same caller, saying from where it came (the chat registry, the API auth, a job or a script). */
export function withOrigin(caller: Caller, origin: CallerOrigin): Caller {
  return { ...caller, origin };
}

export function memberCaller(
  org: Org,
  member: Member,
  locale: Locale,
  managedTeamIds: readonly TeamId[] = [],
): Caller {
  return {
    org,
    member,
    roles: member.roles,
    locale,
    kind: 'member',
    ...(managedTeamIds.length > 0 ? { managedTeamIds } : {}),
  };
}

/** The teams a member manages (`Team.managerId`), for memberCaller; only a manager's scope reads them. */
export function managedTeamIdsOf(teams: readonly Team[], member: Member): TeamId[] {
  return member.roles.includes('manager')
    ? teams.filter((t) => t.managerId === member.id).map((t) => t.id)
    : [];
}

export function systemCaller(org: Org, locale: Locale = org.settings.locale): Caller {
  return { org, roles: ['admin'], locale, kind: 'system' };
}

/** An API client holding an org's token acts with the roles granted to the token. */
export function apiCaller(org: Org, roles: readonly Role[], locale: Locale = org.settings.locale): Caller {
  return { org, roles, locale, kind: 'api' };
}

/** A chat user of the org that no member is linked to yet: they may only ask to be linked. */
export function guestCaller(org: Org, locale: Locale): Caller {
  return { org, roles: [], locale, kind: 'guest' };
}

/** The member a member-only use-case acts for; a caller without one (system, API) is refused. */
export function actingMember(caller: Caller, action: string): Member {
  if (!caller.member) throw new DomainError('FORBIDDEN', { action, roles: caller.roles });
  return caller.member;
}
