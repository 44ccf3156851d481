import type { Context, Middleware } from 'koa';
import { type ApiTokenGrant, type ApiTokenRepository, hashToken } from '../../core/org/api-tokens.js';
import { apiCaller, type Caller, withOrigin } from '../../core/org/caller.js';
import type { RoleGrant } from '../../core/org/managed-api-tokens.js';
import type { OrgRepository } from '../../core/org/ports.js';
import { DomainError } from '../../core/shared/errors.js';

/** What every /api route reads from `ctx.state`: the caller, built once here (routes are `Router<ApiState>`). */
export type ApiState = {
  caller: Caller;
  /** The presented token; `role` is there for tokens made through the token endpoints. */
  token?: ApiTokenGrant & { readonly role?: RoleGrant['role'] };
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
    const grant = await tokens.findByHash(hashToken(match[1]));
    const org = grant ? await orgs.get(grant.orgId) : undefined;
    if (!grant || !org) throw new DomainError('UNAUTHENTICATED', {});
    ctx.state.caller = withOrigin(apiCaller(org, grant.roles, org.settings.locale), {
      tokenName: grant.name,
    });
    // The grant itself, for what acts on the token rather than the org (tokenRole, rate limits).
    ctx.state.token = grant;
    await next();
  };
}
