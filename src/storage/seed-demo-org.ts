import { type Model, Types } from 'mongoose';
import type { RoutingConfig } from '../core/leads/routing-config.js';
import type { Level, Role } from '../core/org/types.js';
import { DEFAULT_ORG_SETTINGS } from '../core/org/types.js';
import type { TeamId } from '../core/shared/ids.js';
import type { Models } from './models.js';

export const DEMO_ORG_NAME = '演示科技有限公司';

type DemoMember = { name: string; roles: Role[]; level: Level; team?: string };

/** Three sales teams (a manager and three reps each), a director, an admin and an after-sales group. */
const TEAMS = [
  { name: '华东销售组', channelId: 'east-china-sales' },
  { name: 'BD组', channelId: 'bd' },
  { name: '直销组', channelId: 'direct-sales' },
] as const;

const MEMBERS: readonly DemoMember[] = [
  { name: '周建国', roles: ['admin'], level: 'senior' },
  { name: '陈思远', roles: ['director'], level: 'senior' },
  { name: '王海峰', roles: ['manager'], level: 'senior', team: '华东销售组' },
  { name: '李娜', roles: ['rep'], level: 'senior', team: '华东销售组' },
  { name: '张伟', roles: ['rep'], level: 'junior', team: '华东销售组' },
  { name: '刘洋', roles: ['rep'], level: 'junior', team: '华东销售组' },
  { name: '赵敏', roles: ['manager'], level: 'senior', team: 'BD组' },
  { name: '孙磊', roles: ['rep'], level: 'senior', team: 'BD组' },
  { name: '吴静', roles: ['rep'], level: 'junior', team: 'BD组' },
  { name: '郑浩', roles: ['rep'], level: 'senior', team: 'BD组' },
  { name: '黄丽', roles: ['manager'], level: 'senior', team: '直销组' },
  { name: '何晨', roles: ['rep'], level: 'junior', team: '直销组' },
  { name: '马超', roles: ['rep'], level: 'senior', team: '直销组' },
  { name: '林小雨', roles: ['rep'], level: 'junior', team: '直销组' },
  { name: '高峰', roles: ['aftersales_manager', 'aftersales'], level: 'senior' },
  { name: '许亮', roles: ['aftersales'], level: 'junior' },
  { name: '唐雪', roles: ['aftersales'], level: 'senior' },
];

export type SeedResult = { readonly orgId: string; readonly created: boolean };

/**
 * Creates the demo org on the sandbox platform unless one exists (`reset` deletes it and everything of it first).
 * Members' sandbox identities are their own ids, so the sandbox can act as any of them.
 */
export async function seedDemoOrg(
  models: Models,
  options: { reset: boolean; now: Date },
): Promise<SeedResult> {
  const existing = await models.Org.findOne({ name: DEMO_ORG_NAME, 'chat.platform': 'sandbox' }).lean();
  if (existing && !options.reset) {
    // A demo saved before routing existed gets the demo rules, so its leads are routed rather than all pooled.
    if (!existing.settings.routing) await addDemoRouting(models, existing._id);
    return { orgId: existing._id.toHexString(), created: false };
  }
  if (existing) await deleteOrgData(models, existing._id);

  const orgId = new Types.ObjectId();
  const teamIds = new Map(TEAMS.map((team) => [team.name as string, new Types.ObjectId()]));
  const memberDocs = MEMBERS.map((m) => {
    const _id = new Types.ObjectId();
    return {
      _id,
      orgId,
      name: m.name,
      roles: m.roles,
      level: m.level,
      ...(m.team ? { teamId: teamIds.get(m.team) } : {}),
      availability: 'available' as const,
      active: true,
      identities: [{ platform: 'sandbox' as const, userId: _id.toHexString() }],
    };
  });
  await models.Member.insertMany(memberDocs);
  const idOf = (name: string) => memberDocs.find((m) => m.name === name)?._id.toHexString() ?? '';
  // Created last, so a crash midway leaves no org (the seed runs again from scratch next start).
  const orgDoc = {
    _id: orgId,
    name: DEMO_ORG_NAME,
    chat: { platform: 'sandbox' as const, workspaceId: orgId.toHexString() },
    settings: {
      ...DEFAULT_ORG_SETTINGS,
      routing: demoRouting((t) => teamIds.get(t)!.toHexString(), idOf) as unknown as Record<string, unknown>,
    },
    createdAt: options.now,
  };
  await models.Team.insertMany(
    TEAMS.map((team) => ({
      _id: teamIds.get(team.name),
      orgId,
      name: team.name,
      channelId: team.channelId,
      managerId: memberDocs.find((m) => m.roles.includes('manager') && m.teamId === teamIds.get(team.name))
        ?._id,
    })),
  );
  await models.Org.create(orgDoc);
  return { orgId: orgId.toHexString(), created: true };
}

async function addDemoRouting(models: Models, orgId: Types.ObjectId): Promise<void> {
  const [teams, members] = await Promise.all([
    models.Team.find({ orgId }).lean(),
    models.Member.find({ orgId }).lean(),
  ]);
  const team = (name: string) => teams.find((t) => t.name === name)?._id.toHexString() ?? '';
  const member = (name: string) => members.find((m) => m.name === name)?._id.toHexString() ?? '';
  if (TEAMS.some((t) => team(t.name) === '')) return;
  await models.Org.updateOne(
    { _id: orgId, 'settings.routing': { $exists: false } },
    { $set: { 'settings.routing': demoRouting(team, member) } },
  );
}

/**
 * Rules that show every strategy: East China by region (round robin), events straight to that team's pool, web
 * leads to BD by load, ads to Direct Sales weighted toward its senior rep, and a default.
 */
function demoRouting(team: (name: string) => string, member: (name: string) => string): RoutingConfig {
  return {
    rules: [
      {
        id: 'east-china',
        name: '华东地区 → 华东销售组',
        when: { regions: ['上海', '江苏', '浙江'] },
        teamId: team('华东销售组') as TeamId,
        strategy: 'round_robin',
      },
      {
        id: 'events',
        name: '活动线索 → 华东销售组公海',
        when: { sources: ['event'] },
        teamId: team('华东销售组') as TeamId,
        strategy: 'pool',
      },
      {
        id: 'website',
        name: '官网线索 → BD组',
        when: { sources: ['website'] },
        teamId: team('BD组') as TeamId,
        strategy: 'load_balanced',
      },
      {
        id: 'ads',
        name: '广告线索 → 直销组（按权重）',
        when: { sources: ['ad'] },
        teamId: team('直销组') as TeamId,
        strategy: 'weighted',
        weights: { [member('马超')]: 2, [member('何晨')]: 1, [member('林小雨')]: 1 },
      },
    ],
    default: { name: '其他线索 → 直销组', teamId: team('直销组') as TeamId, strategy: 'round_robin' },
  };
}

/** Everything that carries this org's id goes; the org itself last, so a crash midway can be re-run. */
async function deleteOrgData(models: Models, orgId: Types.ObjectId): Promise<void> {
  for (const [name, model] of Object.entries(models)) {
    if (name !== 'Org' && name !== 'InboundEvent')
      await (model as unknown as Model<{ orgId: Types.ObjectId }>).deleteMany({ orgId });
  }
  await models.Org.deleteOne({ _id: orgId });
}
