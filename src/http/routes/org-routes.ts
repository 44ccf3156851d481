import Router from '@koa/router';
import type { Actor } from '../../core/org/caller.js';
import { configureOrgSettings } from '../../core/org/configure-org-settings.js';
import { configureTeam, connectChat, setIdentities } from '../../core/org/connect-chat.js';
import { listMembers } from '../../core/org/list-members.js';
import { assertCan } from '../../core/org/permissions.js';
import type { MemberRepository, OrgRepository, TeamRepository } from '../../core/org/ports.js';
import type { Org } from '../../core/org/types.js';
import { memberId, teamId } from '../../core/shared/ids.js';

/** Org endpoints under /api/v1 (behind apiAuth): read the org and its members, change its settings (admins). */
export function orgRoutes(deps: {
  orgs: OrgRepository;
  members: MemberRepository;
  teams: TeamRepository;
}): Router {
  const router = new Router();
  router.patch('/org/chat', async (ctx) => {
    const org = await connectChat(deps, ctx.state.actor as Actor, ctx.request.body);
    ctx.body = {
      org: { id: org.id, name: org.name, platform: org.chat.platform, workspaceId: org.chat.workspaceId },
    };
  });
  router.get('/teams', async (ctx) => {
    const actor = ctx.state.actor as Actor;
    assertCan(actor, 'org.read');
    ctx.body = { teams: await deps.teams.list(actor.orgId) };
  });
  router.patch('/teams/:id', async (ctx) => {
    ctx.body = {
      team: await configureTeam(
        deps,
        ctx.state.actor as Actor,
        teamId(ctx.params.id ?? ''),
        ctx.request.body,
      ),
    };
  });
  router.put('/members/:id/identities', async (ctx) => {
    const member = await setIdentities(
      deps,
      ctx.state.actor as Actor,
      memberId(ctx.params.id ?? ''),
      ctx.request.body,
    );
    ctx.body = { member: { id: member.id, name: member.name, identities: member.identities } };
  });
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
