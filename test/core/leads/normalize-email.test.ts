import { describe, expect, it } from 'vitest';
import { normalizeEmail } from '../../../src/core/leads/normalize-email.js';

describe('normalizeEmail', () => {
  it.each([
    ['zhang.san@example.com', 'zhang.san@example.com'],
    ['Zhang.San@Example.COM', 'zhang.san@example.com'],
    ['  sales@huawei.com  ', 'sales@huawei.com'],
    ['sales＠huawei.com', 'sales@huawei.com'],
    ['ｓａｌｅｓ＠ｈｕａｗｅｉ．ｃｏｍ', 'sales@huawei.com'],
    ['sales@huawei。com', 'sales@huawei.com'],
    ['12345678@qq.com', '12345678@qq.com'],
    ['li_si@163.com', 'li_si@163.com'],
    ['wang@company.com.cn', 'wang@company.com.cn'],
    ['sales@huawei.com.', 'sales@huawei.com'],
    ['sales@huawei.com。', 'sales@huawei.com'],
    ['\tsales@huawei.com\n', 'sales@huawei.com'],
    // Gmail dots and +tags are kept: in company mailboxes they often reach different people.
    ['john.doe+crm@gmail.com', 'john.doe+crm@gmail.com'],
    ['johndoe@gmail.com', 'johndoe@gmail.com'],
  ])('reads %j as %j', (raw, expected) => {
    expect(normalizeEmail(raw)).toBe(expected);
  });

  it.each([
    '',
    '   ',
    'sales',
    'sales.huawei.com',
    'sales@huawei',
    'sales@@huawei.com',
    'a@b@huawei.com',
    '@huawei.com',
    'sales@',
    'sales@.com',
    'sales@huawei..com',
    'sales @huawei.com',
    'sales@hua wei.com',
    '张三 <sales@huawei.com>',
    'a@b.com b@c.com',
    'sales\u3000@huawei.com',
  ])('rejects %j', (raw) => {
    expect(normalizeEmail(raw)).toBeUndefined();
  });

  it('keeps gmail dot and tag variants apart', () => {
    expect(normalizeEmail('john.doe@gmail.com')).not.toBe(normalizeEmail('johndoe@gmail.com'));
    expect(normalizeEmail('john+a@gmail.com')).not.toBe(normalizeEmail('john@gmail.com'));
  });
});
