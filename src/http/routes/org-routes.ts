import Router from '@koa/router';
import type { Actor } from '../../core/org/actor.js';
import { configureOrgSettings } from '../../core/org/configure-org-settings.js';
import { listMembers } from '../../core/org/list-members.js';
import type { MemberRepository, OrgRepository, TeamRepository } from '../../core/org/ports.js';
import type { Org } from '../../core/org/types.js';

/** Org endpoints under /api/v1 (behind apiAuth): read the org and its members, change its settings (admins). */
export function orgRoutes(deps: {
  orgs: OrgRepository;
  members: MemberRepository;
  teams: TeamRepository;
}): Router {
  const router = new Router();
  router.patch('/org/settings', async (ctx) => {
    const org = await configureOrgSettings(
      deps,
      ctx.state.actor as Actor,
      ctx.state.org as Org,
      ctx.request.body,
    );
    ctx.body = { org: { id: org.id, name: org.name, platform: org.chat.platform, settings: org.settings } };
  });
  router.get('/org', (ctx) => {
    const org = ctx.state.org as Org;
    ctx.body = { org: { id: org.id, name: org.name, platform: org.chat.platform, settings: org.settings } };
  });
  router.get('/members', async (ctx) => {
    const actor = ctx.state.actor as Actor;
    const [members, teams] = await Promise.all([listMembers(deps, actor), deps.teams.list(actor.orgId)]);
    const teamName = new Map(teams.map((team) => [team.id, team.name]));
    ctx.body = {
      members: members.map((m) => ({
        id: m.id,
        name: m.name,
        roles: m.roles,
        team: m.teamId ? (teamName.get(m.teamId) ?? null) : null,
        level: m.level,
        availability: m.availability,
        active: m.active,
      })),
    };
  });
  return router;
}
