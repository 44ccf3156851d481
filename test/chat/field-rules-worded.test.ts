import { describe, expect, it } from 'vitest';
import { en } from '../../src/chat/texts/en.js';
import { zhCN } from '../../src/chat/texts/zh-cn.js';
import { configureRouting, leadInputSchema } from '../../src/core/leads/index.js';
import { configureOrgSettings } from '../../src/core/org/index.js';
import { bulkAssignSchema } from '../../src/core/pools/index.js';
import type { DomainError } from '../../src/core/shared/errors.js';
import { parseInput } from '../../src/core/shared/validate.js';

import { makeMember, TEAM_ID as TEAM } from '../core/fakes.js';
import { leadWorld, refusal } from '../core/lead-world.js';

// Issue #11, item 1: a rule's own check (an unknown team, a bad source name, …) is worded in each language from
// its problem's data; none falls back to the generic "格式不对" / "not valid".

const ADMIN = makeMember('00000000000000000000e009', { name: '陈静', roles: ['admin'] });

const refused = (schema: Parameters<typeof parseInput>[0], input: unknown) =>
  refusal((async () => parseInput(schema, input))());

const words = (error: DomainError) => ({
  zh: zhCN.errors.VALIDATION_FAILED(error.details),
  en: en.errors.VALIDATION_FAILED(error.details),
});

describe('rule-specific checks have their own wording', () => {
  it('words a lead’s bad source, phone, email and missing contact', async () => {
    const error = await refused(leadInputSchema, { source: 'Friend Referral!', email: 'nope' });
    const { zh, en: english } = words(error);
    expect(zh).toBe(
      '输入有误：邮箱：不是有效的邮箱地址；来源：不认识的来源，请填 官网、广告、活动、展会、微信、小程序、导入 等来源名',
    );
    expect(english).toContain('source: a source name such as website');
    // The lead-wide check runs once every field is well formed.
    const none = await refused(leadInputSchema, { name: '王芳' });
    expect(words(none).zh).toBe('输入有误：手机：手机、邮箱、微信至少填一项');
    expect(words(none).en).toContain('phone: give at least one of phone, email, wechat');
    const phone = await refused(leadInputSchema, { phone: '12' });
    expect(words(phone).zh).toBe('输入有误：手机：不是有效的手机号（7 到 15 位数字，可带 +86）');
  });

  it('words an unknown team, a weight for a non-member, a repeated rule id and scores out of order', async () => {
    const w = leadWorld({ members: [ADMIN] });
    const target = { teamId: TEAM, strategy: 'round_robin' };
    const rule = { id: 'east', name: '华东', ...target };
    const unknown = await refusal(
      configureRouting(w.deps, w.as(ADMIN), {
        routing: {
          rules: [{ ...rule, teamId: '00000000000000000000b0ff' }],
          default: { teamId: TEAM, strategy: 'weighted', weights: { '00000000000000000000c0ff': 2 } },
        },
      }),
    );
    expect(words(unknown).zh).toBe(
      '输入有误：第 1 条分配规则的销售组：本企业没有这个销售组；默认规则的权重 00000000000000000000c0ff：不是这个销售组的成员',
    );
    const twice = await refusal(
      configureRouting(w.deps, w.as(ADMIN), {
        routing: { rules: [rule, { ...rule, when: { scoreMin: 80, scoreMax: 20 } }], default: target },
      }),
    );
    expect(words(twice).zh).toBe(
      '输入有误：第 2 条分配规则的最低评分：不能高于最高评分；第 2 条分配规则的规则编号：与已有的重复',
    );
    expect(words(twice).en).toContain('rule 2, id: already taken');
    const badId = await refusal(
      configureRouting(w.deps, w.as(ADMIN), {
        routing: { rules: [{ ...rule, id: 'East China' }], default: target },
      }),
    );
    expect(words(badId).zh).toContain('第 1 条分配规则的规则编号：规则编号只能用小写字母');
  });

  it('words a bad time zone, business hours out of order and a ladder that does not climb', async () => {
    const w = leadWorld({ members: [ADMIN] });
    const settings = (patch: unknown) =>
      refusal(configureOrgSettings(w.deps, w.as(ADMIN), { settings: patch }));
    expect(words(await settings({ timeZone: 'Mars/Olympus' })).zh).toBe('输入有误：时区：不是有效的时区名称');
    const hours = await settings({ businessHours: { days: [1], start: '18:00', end: '9:00' } });
    expect(words(hours).zh).toBe('输入有误：结束时间：时间请写成 时:分，例如 09:30');
    const order = await settings({ businessHours: { days: [1], start: '18:00', end: '09:00' } });
    expect(words(order).zh).toBe('输入有误：结束时间：必须晚于开始时间');
    const ladder = await settings({ managerAfterHours: 100 });
    expect(words(ladder).zh).toBe('输入有误：抄送主管时间：提醒、抄送主管、回流的时间必须依次增加');
  });

  it('words a bulk assignment that gives both codes and a filter', async () => {
    const both = await refused(bulkAssignSchema, {
      codes: ['L-1001'],
      filter: { team: '00000000000000000000b001' },
      strategy: 'round_robin',
    });
    expect(words(both).zh).toBe('输入有误：线索编号、筛选条件只能填其中一项');
    const badTeam = await refused(bulkAssignSchema, { filter: { team: '华东' }, strategy: 'round_robin' });
    expect(words(badTeam).zh).toBe('输入有误：销售组：不是有效的编号');
    expect(words(both).en).toBe(en.errors.VALIDATION_FAILED(both.details));
    expect(words(both).en).toContain('give exactly one of codes, filter');
  });
});
