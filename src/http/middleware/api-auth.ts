import type { Context, Middleware } from 'koa';
import {
  type ApiTokenGrant,
  type ApiTokenRepository,
  hashToken,
  LAST_USED_PRECISION_MS,
  lastUsedIsStale,
} from '../../core/org/api-tokens.js';
import { apiCaller, type Caller, managedTeamIdsOf, memberCaller, withOrigin } from '../../core/org/caller.js';
import type { RoleGrant } from '../../core/org/managed-api-tokens.js';
import type { MemberRepository, OrgRepository, TeamRepository } from '../../core/org/ports.js';
import type { Org } from '../../core/org/types.js';
import type { Clock } from '../../core/shared/clock.js';
import { DomainError } from '../../core/shared/errors.js';

/** What every /api route reads from `ctx.state`: the caller, built once here (routes are `Router<ApiState>`). */
export type ApiState = {
  caller: Caller;
  /** The presented token; `role` is there for tokens made through the token endpoints. */
  token?: ApiTokenGrant & { readonly role?: RoleGrant['role']; readonly id?: string };
};

/** What a member's token needs: the member as they are now, their teams, and the clock for `lastUsedAt`. */
export type TokenPeople = {
  readonly members: Pick<MemberRepository, 'get'>;
  readonly teams: Pick<TeamRepository, 'list'>;
  readonly clock: Clock;
};

/**
 * A signed-in browser (the dashboard's session cookie) as a member's caller, for the paths it may read; undefined
 * when the request carries no valid session.
 */
export type SessionAuth = {
  readonly accepts: (ctx: Context) => boolean;
  readonly callerOf: (ctx: Context) => Promise<Caller | undefined>;
};

/**
 * Bearer-token auth for /api: the token names its org, and every handler below acts as that org's API caller.
 * Without a token, a dashboard session may read the paths `session` accepts (GETs of the reports), as its member.
 */
export function apiAuth(
  tokens: ApiTokenRepository,
  orgs: OrgRepository,
  session?: SessionAuth,
  people?: TokenPeople,
): Middleware<ApiState> {
  return async (ctx, next) => {
    const header = ctx.get('authorization');
    if (!header && session?.accepts(ctx)) {
      const caller = await session.callerOf(ctx);
      if (!caller)
        throw new DomainError('UNAUTHENTICATED', { hint: 'sign in again: send /dashboard in chat' });
      ctx.state.caller = caller;
      await next();
      return;
    }
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) throw new DomainError('UNAUTHENTICATED', { hint: 'send Authorization: Bearer <token>' });
    const grant: (ApiTokenGrant & { id?: string; role?: RoleGrant['role'] }) | undefined =
      await tokens.findByHash(hashToken(match[1]));
    const org = grant ? await orgs.get(grant.orgId) : undefined;
    if (!grant || !org) throw new DomainError('UNAUTHENTICATED', {});
    // Where the request comes from, for the audit trail: the token (never its secret) by id and name.
    ctx.state.caller = withOrigin(
      grant.memberId
        ? await memberTokenCaller(org, grant.memberId, people)
        : apiCaller(org, grant.roles, org.settings.locale),
      { ...(grant.id ? { tokenId: grant.id } : {}), tokenName: grant.name },
    );
    if (people && grant.id && lastUsedIsStale(grant.lastUsedAt, people.clock.now())) {
      const now = people.clock.now();
      await tokens.touch(grant.id, now, new Date(now.getTime() - LAST_USED_PRECISION_MS));
    }
    // The grant itself, for what acts on the token rather than the org (tokenRole, rate limits).
    ctx.state.token = grant;
    await next();
  };
}

/**
 * A member's token acts as the member: their roles, team and managed teams read now, not when it was made, so a
 * demotion or a move applies at the next request. An inactive (or deleted) member's token is a 401, like a revoked
 * one: the token no longer authenticates anybody.
 */
async function memberTokenCaller(
  org: Org,
  id: NonNullable<ApiTokenGrant['memberId']>,
  people: TokenPeople | undefined,
): Promise<Caller> {
  const member = people ? await people.members.get(org.id, id) : undefined;
  if (!people || !member?.active)
    throw new DomainError('UNAUTHENTICATED', { hint: "the token's member is no longer active" });
  const teams = member.roles.includes('manager') ? await people.teams.list(org.id) : [];
  return memberCaller(org, member, member.locale ?? org.settings.locale, managedTeamIdsOf(teams, member));
}
