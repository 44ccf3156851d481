import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SCORING,
  type ScoringConfig,
  type ScoringInput,
  scoreLead,
  scoringConfigSchema,
} from '../../../src/core/leads/score-lead.js';

const FULL: ScoringInput = {
  phone: '+86 138-1234-5678',
  email: 'li@huawei.com',
  wechat: 'li_wx',
  company: '华为技术有限公司',
  name: '李雷',
  productLine: 'CRM',
  intent: '想要报价，下月采购',
  source: 'event',
  region: '上海',
};

describe('scoreLead with the default config', () => {
  it('gives a complete hot lead from an event in Shanghai the full 100', () => {
    expect(scoreLead(FULL)).toEqual({
      score: 100,
      grade: 'important',
      breakdown: { contact: 35, intent: 30, source: 25, region: 10 },
    });
  });

  it('keeps the maximum of every part within 100 in the defaults', () => {
    const { contact, intent } = DEFAULT_SCORING;
    const maxContact = contact.phone + contact.email + contact.wechat + contact.company + contact.name;
    const maxIntent = intent.productLine + intent.intentText + intent.keywordBonus;
    const maxSource = Math.max(DEFAULT_SCORING.defaultSourcePoints, ...Object.values(DEFAULT_SCORING.source));
    const maxRegion = Math.max(...Object.values(DEFAULT_SCORING.region));
    expect([maxContact, maxIntent, maxSource, maxRegion]).toEqual([35, 30, 25, 10]);
  });

  it('scores a bare lead with only its source', () => {
    expect(scoreLead({ source: 'import' })).toEqual({
      score: 5,
      grade: 'normal',
      breakdown: { contact: 0, intent: 0, source: 5, region: 0 },
    });
  });

  it.each([
    ['website', 20],
    ['event', 25],
    ['wechat', 15],
    ['miniprogram', 15],
    ['ad', 10],
    ['api', 10],
    ['import', 5],
    ['WEBSITE', 20],
    ['ｗｅｂｓｉｔｅ', 20],
    ['referral', 5],
    ['constructor', 5],
    ['', 5],
  ])('gives source %j %d points', (source, points) => {
    expect(scoreLead({ source }).breakdown.source).toBe(points);
  });

  it.each([
    ['上海', 10],
    ['上海市', 10],
    ['北京', 10],
    ['广东省深圳市', 10],
    ['深圳', 10],
    ['江苏', 10],
    ['浙江省杭州市', 10],
    ['四川', 0],
    ['  ', 0],
    [undefined, 0],
  ])('gives region %j %d points', (region, points) => {
    const input: ScoringInput = region === undefined ? { source: 'api' } : { source: 'api', region };
    expect(scoreLead(input).breakdown.region).toBe(points);
  });

  it('counts only contacts that can be used', () => {
    const contact = (input: Omit<ScoringInput, 'source'>) =>
      scoreLead({ source: 'api', ...input }).breakdown.contact;
    expect(contact({ phone: '138 1234 5678' })).toBe(15);
    expect(contact({ phone: '12345' })).toBe(0);
    expect(contact({ email: 'LI@Huawei.com' })).toBe(5);
    expect(contact({ email: 'not an email' })).toBe(0);
    expect(contact({ wechat: 'li_wx' })).toBe(5);
    expect(contact({ wechat: '   ' })).toBe(0);
    expect(contact({ company: '华为' })).toBe(7);
    expect(contact({ name: '李雷' })).toBe(3);
    expect(contact({ name: '' })).toBe(0);
  });

  it.each([
    [{ productLine: 'CRM' }, 10],
    [{ productLine: ' ' }, 0],
    [{ intent: '了解一下' }, 0],
    [{ intent: '想了解产品功能' }, 10],
    [{ intent: '急' }, 10],
    [{ intent: '请尽快联系我，需要报价和演示' }, 20],
    [{ intent: 'Need a QUOTE asap' }, 20],
    [{ intent: 'demo' }, 10],
    [{ intent: 'just looking' }, 10],
    [{ productLine: 'ERP', intent: '预算已批，准备采购' }, 30],
  ])('gives intent %j %d points', (input, points) => {
    expect(scoreLead({ source: 'api', ...input }).breakdown.intent).toBe(points);
  });

  it('grades important from 70 up, normal below', () => {
    // 15 + 7 + 3 contact, 10 + 10 intent, 25 source = 70.
    const at70: ScoringInput = {
      phone: '13812345678',
      company: '华为',
      name: '李雷',
      productLine: 'CRM',
      intent: '想了解产品功能',
      source: 'event',
    };
    expect(scoreLead(at70)).toMatchObject({ score: 70, grade: 'important' });
    expect(scoreLead({ ...at70, name: '' })).toMatchObject({ score: 67, grade: 'normal' });
  });

  it('keeps a lead marked important important whatever its score', () => {
    expect(scoreLead({ source: 'import', grade: 'important' })).toMatchObject({
      score: 5,
      grade: 'important',
    });
    expect(scoreLead({ ...FULL, grade: 'normal' })).toMatchObject({ score: 100, grade: 'important' });
  });
});

describe('scoreLead with an org config', () => {
  const generous: ScoringConfig = {
    ...DEFAULT_SCORING,
    contact: { phone: 40, email: 20, wechat: 20, company: 20, name: 20 },
  };

  it('clamps a total above 100 to 100 but reports the parts as configured', () => {
    expect(scoreLead(FULL, generous)).toEqual({
      score: 100,
      grade: 'important',
      breakdown: { contact: 120, intent: 30, source: 25, region: 10 },
    });
  });

  it('clamps a negative total to 0', () => {
    const penalising: ScoringConfig = { ...DEFAULT_SCORING, source: { import: -50 } };
    expect(scoreLead({ source: 'import', name: '李雷' }, penalising)).toMatchObject({
      score: 0,
      breakdown: { contact: 3, source: -50 },
    });
  });

  it('rounds fractional points to an integer score', () => {
    const fractional: ScoringConfig = { ...DEFAULT_SCORING, defaultSourcePoints: 2.6 };
    expect(scoreLead({ source: 'referral' }, fractional).score).toBe(3);
  });

  it('uses its own sources, regions, keywords and threshold', () => {
    const config: ScoringConfig = {
      ...DEFAULT_SCORING,
      intent: { ...DEFAULT_SCORING.intent, intentKeywords: ['招标'], keywordBonus: 30 },
      source: { douyin: 30 },
      defaultSourcePoints: 0,
      region: { 四川: 20, '*': 2 },
      importantThreshold: 50,
    };
    expect(scoreLead({ source: 'douyin', region: '四川省成都市', intent: '招标' }, config)).toEqual({
      score: 80,
      grade: 'important',
      breakdown: { contact: 0, intent: 30, source: 30, region: 20 },
    });
    expect(scoreLead({ source: 'website', region: '上海', intent: '报价' }, config)).toMatchObject({
      score: 2,
      grade: 'normal',
      breakdown: { region: 2, source: 0, intent: 0 },
    });
  });

  it('turns automatic importance off with a threshold of 101', () => {
    const config: ScoringConfig = { ...DEFAULT_SCORING, importantThreshold: 101 };
    expect(scoreLead(FULL, config)).toMatchObject({ score: 100, grade: 'normal' });
  });
});

describe('scoringConfigSchema', () => {
  it('accepts the defaults and gives back a usable config', () => {
    const parsed: ScoringConfig = scoringConfigSchema.parse(DEFAULT_SCORING);
    expect(parsed).toEqual(DEFAULT_SCORING);
    expect(scoreLead(FULL, parsed).score).toBe(100);
  });

  it.each([
    ['a misspelt key', { ...DEFAULT_SCORING, importantTreshold: 60 }],
    ['a missing part', { ...DEFAULT_SCORING, contact: undefined }],
    ['points out of range', { ...DEFAULT_SCORING, defaultSourcePoints: 1500 }],
    ['a non-integer threshold', { ...DEFAULT_SCORING, importantThreshold: 69.5 }],
    ['a threshold above 101', { ...DEFAULT_SCORING, importantThreshold: 150 }],
    [
      'an empty keyword',
      { ...DEFAULT_SCORING, intent: { ...DEFAULT_SCORING.intent, intentKeywords: [' '] } },
    ],
    ['a string for points', { ...DEFAULT_SCORING, source: { website: '20' } }],
  ])('rejects %s', (_label, config) => {
    expect(scoringConfigSchema.safeParse(config).success).toBe(false);
  });
});
