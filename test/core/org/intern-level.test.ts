import { describe, expect, it } from 'vitest';
import { textsFor } from '../../../src/chat/texts/texts-for.js';
import { memberCaller } from '../../../src/core/org/caller.js';
import { orgSettingsPatchSchema } from '../../../src/core/org/configure-org-settings.js';
import { canSeePhone } from '../../../src/core/org/intern-rules.js';
import { DEFAULT_ORG_SETTINGS, LEVELS } from '../../../src/core/org/types.js';
import { assignLead } from '../../../src/core/pools/assign-lead.js';
import { claimLead } from '../../../src/core/pools/claim-lead.js';
import { leadJson } from '../../../src/http/routes/lead-json.js';
import { makeMember, makeOrg, TEAM_ID } from '../fakes.js';
import { DIRECTOR, leadWorld, MANAGER, REP_A, refusal } from '../lead-world.js';

const INTERN = makeMember('00000000000000000000c0aa', { name: '小周', level: 'intern', teamId: TEAM_ID });

describe('the intern level (实习)', () => {
  it('is a level with its own small defaults, accepted by settings and named in both languages', () => {
    expect(LEVELS).toContain('intern');
    const { dailyCaps, poolCapacity, poolClaimsPerDay } = DEFAULT_ORG_SETTINGS;
    expect(dailyCaps.intern).toBeLessThan(dailyCaps.junior);
    expect(poolCapacity.intern).toBeLessThan(poolCapacity.junior);
    expect(poolClaimsPerDay.intern).toBeLessThanOrEqual(poolClaimsPerDay.junior);
    const ok = orgSettingsPatchSchema.safeParse({ dailyCaps: { intern: 2, junior: 10, senior: 20 } });
    expect(ok.success).toBe(true);
    const bad = orgSettingsPatchSchema.safeParse({ dailyCaps: { intern: -1, junior: 10, senior: 20 } });
    expect(bad.error?.issues[0]?.path).toEqual(['dailyCaps', 'intern']);
    expect(textsFor('zh-CN').levels.intern).toBe('实习');
    expect(textsFor('en').levels.intern).toBe('Intern');
  });

  it('refuses an intern’s claim of an important lead in Chinese, and lets them claim an ordinary one', async () => {
    const w = leadWorld({ members: [REP_A, INTERN, MANAGER, DIRECTOR] });
    const important = await w.store({ grade: 'important' });
    const error = await refusal(claimLead(w.deps, w.as(INTERN), { leadId: important.id }));
    expect(error.code).toBe('INTERN_IMPORTANT_LEAD');
    expect(textsFor('zh-CN').errors.INTERN_IMPORTANT_LEAD({ leadId: important.id })).toBe(
      '实习成员不能认领重要线索。',
    );
    expect(w.leads.writes).toHaveLength(0);
    const normal = await w.store();
    expect((await claimLead(w.deps, w.as(INTERN), { leadId: normal.id })).ownerId).toBe(INTERN.id);
  });

  it('is never given an important lead by hand, not even forced, while the org lets juniors have them', async () => {
    const w = leadWorld({
      members: [REP_A, INTERN, MANAGER, DIRECTOR],
      settings: { importantToSeniors: false },
    });
    const important = await w.store({ grade: 'important' });
    const error = await refusal(
      assignLead(w.deps, w.as(DIRECTOR), { leadId: important.id, to: INTERN.id, force: true }),
    );
    expect(error).toMatchObject({ code: 'ASSIGNEE_NOT_ELIGIBLE', details: { why: 'intern' } });
  });

  it('never sees a phone whole, whatever the role', async () => {
    const org = makeOrg();
    const internManager = makeMember('00000000000000000000c0ab', { roles: ['manager'], level: 'intern' });
    const manager = makeMember('00000000000000000000c0ac', { roles: ['manager'], level: 'junior' });
    expect(canSeePhone(memberCaller(org, manager, 'zh-CN'))).toBe(true);
    expect(canSeePhone(memberCaller(org, internManager, 'zh-CN'))).toBe(false);
    const lead = await leadWorld().store({ contact: { phone: '13812345678' } });
    const shown = (m: typeof manager) => JSON.stringify(leadJson(lead, memberCaller(org, m, 'zh-CN')));
    expect(shown(manager)).toContain('13812345678');
    expect(shown(internManager)).not.toContain('13812345678');
  });
});
