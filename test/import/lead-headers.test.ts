import { describe, expect, it } from 'vitest';
import { importTexts } from '../../src/chat/texts/import-texts.js';
import { headerField, planHeaders } from '../../src/import/lead-headers.js';
import { gradeValue, sourceSlug, splitTags } from '../../src/import/lead-values.js';

describe('headerField', () => {
  it.each([
    ['姓名', 'name'],
    ['联系人', 'name'],
    ['客户姓名', 'name'],
    ['Name', 'name'],
    ['手机', 'phone'],
    ['手机号', 'phone'],
    ['电话', 'phone'],
    ['联系电话', 'phone'],
    ['Mobile', 'phone'],
    ['TEL', 'phone'],
    ['邮箱', 'email'],
    ['电子邮箱', 'email'],
    ['E-mail', 'email'],
    ['公司名称', 'company'],
    ['企业名称', 'company'],
    ['单位', 'company'],
    ['微信号', 'wechat'],
    ['WeChat', 'wechat'],
    ['省份', 'region'],
    ['城市', 'region'],
    ['Province', 'region'],
    ['意向产品', 'productLine'],
    ['Product Line', 'productLine'],
    ['productLine', 'productLine'],
    ['线索来源', 'source'],
    ['渠道', 'source'],
    ['Channel', 'source'],
    ['推广活动', 'campaign'],
    ['备注', 'intent'],
    ['Notes', 'intent'],
    ['标签', 'tags'],
    ['等级', 'grade'],
    ['外部编号', 'externalId'],
    ['external_id', 'externalId'],
    ['ExternalId', 'externalId'],
    ['ID', 'externalId'],
  ] as const)('maps %s to %s', (header, field) => {
    expect(headerField(header)).toBe(field);
  });

  it('ignores case, full-width forms, spaces and required-column marks', () => {
    expect(headerField(' ＰＨＯＮＥ ')).toBe('phone');
    expect(headerField('手 机 号')).toBe('phone');
    expect(headerField('*手机号：')).toBe('phone');
    expect(headerField('Ｅ－ｍａｉｌ')).toBe('email');
    expect(headerField('EXTERNAL ID')).toBe('externalId');
  });

  it('knows nothing of other headers', () => {
    expect(headerField('负责人')).toBeUndefined();
    expect(headerField('phone2')).toBeUndefined();
    expect(headerField('')).toBeUndefined();
  });
});

describe('planHeaders', () => {
  it('warns once per ignored column and per field fed by two columns, but not for 需求 with 备注', () => {
    const plan = planHeaders(['姓名', '手机', '电话', '负责人', '需求', '备注']);
    expect(plan.columns.map((c) => c.field)).toEqual(['name', 'phone', 'phone', 'intent', 'intent']);
    expect(plan.warnings.map(importTexts('en').note)).toEqual([
      'column "负责人" is not a lead field and is ignored',
      'columns "手机", "电话" all mean phone: each row uses the first of them that is not empty',
    ]);
    expect(plan.warnings.map(importTexts('zh-CN').note)).toEqual([
      '「负责人」列不是线索字段，已忽略',
      '「手机」、「电话」这几列都是手机：每行取其中第一个不为空的',
    ]);
  });
});

describe('lead values', () => {
  it.each([
    ['官网', 'website'],
    ['网站', 'website'],
    ['广告', 'ad'],
    ['活动', 'event'],
    ['展会', 'event'],
    ['微信', 'wechat'],
    ['公众号', 'wechat'],
    ['小程序', 'miniprogram'],
    ['导入', 'import'],
    ['接口', 'api'],
    [' 官网 ', 'website'],
    ['API', 'API'],
    ['partner', 'partner'],
    ['朋友介绍', '朋友介绍'],
  ])('maps the source %s to %s', (value, slug) => {
    expect(sourceSlug(value)).toBe(slug);
  });

  it('maps grades in either language and leaves others for the schema to reject', () => {
    expect(['重要', 'Important', '普通', 'NORMAL', 'VIP'].map(gradeValue)).toEqual([
      'important',
      'important',
      'normal',
      'normal',
      'VIP',
    ]);
  });

  it('splits tags on every list separator, in both widths', () => {
    expect(splitTags('VIP，华东;复购；老客户|展会、大客户, VIP ,,')).toEqual([
      'VIP',
      '华东',
      '复购',
      '老客户',
      '展会',
      '大客户',
    ]);
  });
});
