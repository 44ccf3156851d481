import { describe, expect, it } from 'vitest';
import { normalizeCompany } from '../../../src/core/leads/normalize-company.js';

describe('normalizeCompany', () => {
  it.each([
    ['华为技术有限公司', '华为技术'],
    ['上海华为技术有限公司', '华为技术'],
    ['华为技术（上海）有限公司', '华为技术'],
    ['Huawei Technologies Co., Ltd.', 'huaweitechnologies'],
    ['上海银行股份有限公司', '上海银行'],
    ['北京银行', '北京银行'],
    ['广东省深圳市腾讯计算机系统有限公司', '腾讯计算机系统'],
    ['上海市政工程设计研究总院（集团）有限公司', '上海市政工程设计研究总院'],
    ['Apple Inc.', 'apple'],
    ['Zinc Mining Ltd', 'zincmining'],
    ['Costco Wholesale Corporation', 'costcowholesale'],
    ['（华为）', '华为'],
    ['  ', undefined],
    ['有限公司', undefined],
    ['上海分公司', undefined],
    ['集团', undefined],
    ['北京市市政工程设计研究总院', '北京市市政工程设计研究总院'],
    ['（上海）', '上海'],
    ['...', undefined],
  ])('reads %j as %j', (raw, expected) => {
    expect(normalizeCompany(raw)).toBe(expected);
  });

  // Pairs that name the same customer and must give the same key.
  it.each([
    ['上海华为技术有限公司', '华为技术有限公司'],
    ['华为技术（上海）有限公司', '华为技术有限公司'],
    ['华为技术(北京)有限公司', '华为技术有限公司'],
    ['华为技术【深圳】有限公司', '华为技术有限公司'],
    ['华为技术[杭州]有限公司', '华为技术有限公司'],
    ['华为技术有限公司上海分公司', '华为技术有限公司'],
    ['上海市华为技术有限公司', '华为技术'],
    ['深圳市腾讯计算机系统有限公司', '腾讯计算机系统有限公司'],
    ['广东省深圳市腾讯计算机系统有限公司', '腾讯计算机系统'],
    ['阿里巴巴集团控股有限公司', '阿里巴巴集团控股'],
    ['万科企业股份有限公司', '万科企业'],
    ['海尔集团', '海尔集团公司'],
    ['海尔集团股份有限公司', '海尔'],
    ['中国平安保险（集团）股份有限公司', '中国平安保险股份有限公司'],
    ['美的集团有限公司', '美的'],
    ['杭州网易雷火科技有限公司', '网易雷火科技有限责任公司'],
    ['浙江吉利控股集团有限公司', '吉利控股集团'],
    ['江苏省苏宁易购集团股份有限公司', '苏宁易购'],
    ['招商银行股份有限公司上海分行', '招商银行'],
    ['华为技术 有限公司', '华为技术有限公司'],
    ['华为技术有限公司。', '华为技术有限公司'],
    ['ＨＵＡＷＥＩ Technologies Co.,Ltd', 'Huawei Technologies Co., Ltd.'],
    ['Huawei Technologies Co Ltd', 'huawei technologies company limited'],
    ['Huawei Technologies Limited', 'Huawei Technologies'],
    ['Siemens (China) Co., Ltd.', 'Siemens Ltd.'],
    ['Foo Group Co., Ltd.', 'FOO'],
    ['Acme, Inc.', 'ACME LLC'],
    ['Bosch GmbH', 'bosch corp.'],
    ['上海市锦天城律师事务所', '锦天城律师事务所'],
  ])('matches %j with %j', (a, b) => {
    const key = normalizeCompany(a);
    expect(key).toBeDefined();
    expect(key).toBe(normalizeCompany(b));
  });

  // Pairs that are different customers and must stay apart.
  it.each([
    ['华为技术有限公司', '华为终端有限公司'],
    ['上海银行股份有限公司', '北京银行股份有限公司'],
    ['上海银行', '银行'],
    ['上海交通大学', '西安交通大学'],
    ['上海汽车集团股份有限公司', '北京汽车集团有限公司'],
    ['北京协和医院', '协和医院'],
    ['上海证券有限责任公司', '广州证券股份有限公司'],
    ['腾讯科技（深圳）有限公司', '腾讯音乐娱乐科技（深圳）有限公司'],
    ['Zinc Ltd', 'Z Ltd'],
    ['上海市第一人民医院', '北京市第一人民医院'],
  ])('keeps %j apart from %j', (a, b) => {
    expect(normalizeCompany(a)).not.toBe(normalizeCompany(b));
  });

  it('does not shrink a region-named bank to the bare industry word', () => {
    expect(normalizeCompany('上海银行股份有限公司')).toBe('上海银行');
    expect(normalizeCompany('北京银行')).not.toBe('银行');
  });

  it('keeps the region before a name of fewer than 3 characters (documented trade-off)', () => {
    // Region + 2 characters is nearly always region + industry (上海汽车, 北京银行), so the region stays; the rare
    // region + bare trade name (上海华为有限公司) therefore does not match 华为有限公司.
    expect(normalizeCompany('上海汽车')).toBe('上海汽车');
    expect(normalizeCompany('上海华为有限公司')).not.toBe(normalizeCompany('华为有限公司'));
  });
});
