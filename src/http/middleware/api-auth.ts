import type { Middleware } from 'koa';
import { type ApiTokenRepository, hashToken } from '../../core/org/api-tokens.js';
import { apiActor } from '../../core/org/caller.js';
import type { OrgRepository } from '../../core/org/ports.js';
import { DomainError } from '../../core/shared/errors.js';

/** Bearer-token auth for /api: the token names its org, and every handler below acts as that org's API actor. */
export function apiAuth(tokens: ApiTokenRepository, orgs: OrgRepository): Middleware {
  return async (ctx, next) => {
    const header = ctx.get('authorization');
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) throw new DomainError('UNAUTHENTICATED', { hint: 'send Authorization: Bearer <token>' });
    const grant = await tokens.findByHash(hashToken(match[1]));
    const org = grant ? await orgs.get(grant.orgId) : undefined;
    if (!grant || !org) throw new DomainError('UNAUTHENTICATED', {});
    ctx.state.org = org;
    ctx.state.actor = apiActor(org.id, grant.roles, org.settings.locale);
    await next();
  };
}
