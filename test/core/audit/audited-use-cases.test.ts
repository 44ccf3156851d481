import { describe, expect, it } from 'vitest';
import type { AuditEntry, AuditLog } from '../../../src/core/audit/index.js';
import { apiCaller, memberCaller, withOrigin } from '../../../src/core/org/caller.js';
import { configureOrgSettings } from '../../../src/core/org/configure-org-settings.js';
import { createApiToken } from '../../../src/core/org/create-api-token.js';
import type { ManagedApiTokens } from '../../../src/core/org/managed-api-tokens.js';
import type { OrgRepository } from '../../../src/core/org/ports.js';
import { DEFAULT_ORG_SETTINGS, type Member, type Org } from '../../../src/core/org/types.js';
import { memberId, orgId } from '../../../src/core/shared/ids.js';

const AT = new Date('2026-12-02T06:00:00Z');
const clock = { now: () => AT };
const org: Org = {
  id: orgId('00000000000000000000a0b1'),
  name: '华东销售',
  chat: { platform: 'dingtalk', workspaceId: 'corp1' },
  settings: DEFAULT_ORG_SETTINGS,
  createdAt: AT,
};
const admin: Member = {
  id: memberId('00000000000000000000c0b1'),
  orgId: org.id,
  name: '王芳',
  roles: ['admin'],
  level: 'senior',
  availability: 'available',
  active: true,
  identities: [],
};
const entries = (): { audit: AuditLog; recorded: AuditEntry[] } => {
  const recorded: AuditEntry[] = [];
  return { recorded, audit: { record: async (e) => void recorded.push(e) } };
};
const orgs = {
  updateSettings: async (_id, patch) => ({ ...org, settings: { ...org.settings, ...patch } }),
} as Pick<OrgRepository, 'updateSettings'> as OrgRepository;

describe('audited use-cases', () => {
  it('records a settings change once, with only the changed fields and the chat platform', async () => {
    const { audit, recorded } = entries();
    const caller = withOrigin(memberCaller(org, admin, 'zh-CN'), { platform: 'dingtalk' });
    await configureOrgSettings({ orgs, audit, clock }, caller, { settings: { reclaimAfterHours: 72 } });
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({
      kind: 'settings.update',
      actor: { kind: 'member', memberId: admin.id, name: '王芳' },
      via: { platform: 'dingtalk' },
      before: { reclaimAfterHours: 48 },
      after: { reclaimAfterHours: 72 },
      expireAt: new Date(AT.getTime() + 1095 * 86_400_000),
    });
    expect(Object.keys(recorded[0]?.after ?? {})).toEqual(['reclaimAfterHours']);
  });

  it('records nothing when the settings did not change', async () => {
    const { audit, recorded } = entries();
    await configureOrgSettings({ orgs, audit, clock }, memberCaller(org, admin, 'zh-CN'), {
      settings: { reclaimAfterHours: 48 },
    });
    expect(recorded).toHaveLength(0);
  });

  it('records a token made through the API with the token as origin and never its secret', async () => {
    const { audit, recorded } = entries();
    const tokens = {
      create: async (_org, t) => ({
        id: 't9',
        name: t.name,
        role: t.role,
        roles: ['admin'],
        prefix: t.prefix,
        createdAt: AT,
      }),
    } as Pick<ManagedApiTokens, 'create'> as ManagedApiTokens;
    const caller = withOrigin(apiCaller(org, ['admin']), { tokenName: 'ops' });
    const { secret } = await createApiToken({ tokens, audit, clock }, caller, { name: 'crm', role: 'admin' });
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({
      kind: 'token.create',
      actor: { kind: 'api', tokenName: 'ops' },
      via: { api: true },
      target: { type: 'api_token', id: 't9', label: 'crm' },
    });
    const stored = JSON.stringify(recorded[0]);
    expect(stored).not.toContain(secret);
    expect(stored).not.toContain(secret.slice(0, 8));
  });
});
