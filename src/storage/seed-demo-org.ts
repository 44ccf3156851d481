import { type Model, Types } from 'mongoose';
import type { Level, Role } from '../core/org/types.js';
import { DEFAULT_ORG_SETTINGS } from '../core/org/types.js';
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
  { name: '高峰', roles: ['manager', 'aftersales'], level: 'senior' },
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
  if (existing && !options.reset) return { orgId: existing._id.toHexString(), created: false };
  if (existing) await deleteOrgData(models, existing._id);

  const orgId = new Types.ObjectId();
  await models.Org.create({
    _id: orgId,
    name: DEMO_ORG_NAME,
    chat: { platform: 'sandbox', workspaceId: orgId.toHexString() },
    settings: DEFAULT_ORG_SETTINGS,
    createdAt: options.now,
  });
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
  return { orgId: orgId.toHexString(), created: true };
}

/** Everything that carries this org's id goes; the org itself last, so a crash midway can be re-run. */
async function deleteOrgData(models: Models, orgId: Types.ObjectId): Promise<void> {
  for (const [name, model] of Object.entries(models)) {
    if (name !== 'Org' && name !== 'InboundEvent')
      await (model as unknown as Model<{ orgId: Types.ObjectId }>).deleteMany({ orgId });
  }
  await models.Org.deleteOne({ _id: orgId });
}
