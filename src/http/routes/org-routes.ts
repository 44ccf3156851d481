import Router from '@koa/router';
import type { AuditLog } from '../../core/audit/index.js';
import {
  assertCan,
  configureOrgSettings,
  configureTeam,
  connectChat,
  listMembers,
  type MemberRepository,
  type OrgRepository,
  setIdentities,
  type TeamRepository,
} from '../../core/org/index.js';
import { permissionsMatrix } from '../../core/org/permissions-matrix.js';
import { memberId, teamId } from '../../core/shared/ids.js';
import type { ApiState } from '../middleware/api-auth.js';

/** Org endpoints under /api/v1 (behind apiAuth): read the org and its members, change its settings (admins). */
export function orgRoutes(deps: {
  orgs: OrgRepository;
  members: MemberRepository;
  teams: TeamRepository;
  audit?: AuditLog;
}): Router<ApiState> {
  const router = new Router<ApiState>();
  // Who may do what, and see which records: derived from the policy table and the data-scope rule.
  router.get('/permissions', (ctx) => {
    ctx.body = permissionsMatrix(ctx.state.caller);
  });
  router.patch('/org/chat', async (ctx) => {
    const org = await connectChat(deps, ctx.state.caller, { chat: ctx.request.body });
    ctx.body = {
      org: { id: org.id, name: org.name, platform: org.chat.platform, workspaceId: org.chat.workspaceId },
    };
  });
  router.get('/teams', async (ctx) => {
    const { caller } = ctx.state;
    assertCan(caller, 'org.read');
    ctx.body = { teams: await deps.teams.list(caller.org.id) };
  });
  router.patch('/teams/:id', async (ctx) => {
    ctx.body = {
      team: await configureTeam(deps, ctx.state.caller, {
        teamId: teamId(ctx.params.id ?? ''),
        patch: ctx.request.body,
      }),
    };
  });
  router.put('/members/:id/identities', async (ctx) => {
    const member = await setIdentities(deps, ctx.state.caller, {
      memberId: memberId(ctx.params.id ?? ''),
      identities: ctx.request.body,
    });
    ctx.body = { member: { id: member.id, name: member.name, identities: member.identities } };
  });
  router.patch('/org/settings', async (ctx) => {
    const org = await configureOrgSettings(deps, ctx.state.caller, { settings: ctx.request.body });
    ctx.body = { org: { id: org.id, name: org.name, platform: org.chat.platform, settings: org.settings } };
  });
  router.get('/org', (ctx) => {
    const { org } = ctx.state.caller;
    ctx.body = { org: { id: org.id, name: org.name, platform: org.chat.platform, settings: org.settings } };
  });
  router.get('/members', async (ctx) => {
    const { caller } = ctx.state;
    const [members, teams] = await Promise.all([listMembers(deps, caller), deps.teams.list(caller.org.id)]);
    const teamName = new Map(teams.map((team) => [team.id as string, team.name]));
    // A member without a team, or of a team since removed, shows `team: null`.
    const teamOf = (team: string | undefined) => (team ? (teamName.get(team) ?? null) : null);
    ctx.body = {
      members: members.map((m) => ({
        id: m.id,
        name: m.name,
        roles: m.roles,
        team: teamOf(m.teamId),
        level: m.level,
        availability: m.availability,
        active: m.active,
      })),
    };
  });
  return router;
}
