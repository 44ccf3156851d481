import { describe, expect, it } from 'vitest';
import {
  canonicalOrderNumber,
  type ParsedComplaint,
  parseComplaintLine,
} from '../../src/chat/complaint-grammar.js';

// Issue #13, point 2: `/投诉 上海云启 SO-2024-017 设备无法开机` and the ways people really type it, in both
// languages: order number first, priority anywhere, full-width characters, quoted names, labels, no description.
type Case = readonly [line: string, expected: ParsedComplaint];
const strip = ({ customerAndDescription: _, ...rest }: ParsedComplaint) => rest;

const CASES: readonly Case[] = [
  [
    '上海云启 SO-2024-017 设备无法开机',
    { customer: '上海云启', orderNumber: 'SO-2024-017', description: '设备无法开机' },
  ],
  [
    'SO-2024-017 上海云启 设备无法开机',
    { customer: '上海云启', orderNumber: 'SO-2024-017', description: '设备无法开机' },
  ],
  [
    '上海云启 SO-2024-017 紧急 设备无法开机',
    { customer: '上海云启', orderNumber: 'SO-2024-017', priority: 'urgent', description: '设备无法开机' },
  ],
  [
    '紧急 上海云启 SO-2024-017 设备无法开机',
    { customer: '上海云启', orderNumber: 'SO-2024-017', priority: 'urgent', description: '设备无法开机' },
  ],
  [
    '上海云启 SO-2024-017 设备无法开机 加急',
    { customer: '上海云启', orderNumber: 'SO-2024-017', priority: 'urgent', description: '设备无法开机' },
  ],
  [
    '上海云启 SO-2024-017 【紧急】 设备无法开机',
    { customer: '上海云启', orderNumber: 'SO-2024-017', priority: 'urgent', description: '设备无法开机' },
  ],
  [
    '上海云启 SO-2024-017 高 屏幕闪烁，客户很着急',
    {
      customer: '上海云启',
      orderNumber: 'SO-2024-017',
      priority: 'high',
      description: '屏幕闪烁，客户很着急',
    },
  ],
  [
    '上海云启 SO-2024-017 低 说明书缺页',
    { customer: '上海云启', orderNumber: 'SO-2024-017', priority: 'low', description: '说明书缺页' },
  ],
  [
    '上海云启 SO-2024-017 普通 噪音偏大',
    { customer: '上海云启', orderNumber: 'SO-2024-017', priority: 'normal', description: '噪音偏大' },
  ],
  [
    '上海云启 SO-2024-017 优先级:高 噪音偏大',
    { customer: '上海云启', orderNumber: 'SO-2024-017', priority: 'high', description: '噪音偏大' },
  ],
  [
    '上海云启 SO-2024-017 优先级：紧急 漏油',
    { customer: '上海云启', orderNumber: 'SO-2024-017', priority: 'urgent', description: '漏油' },
  ],
  // Full-width letters, digits, dash and space (a Chinese IME left on).
  [
    '上海云启　ＳＯ－２０２４－０１７　设备无法开机',
    { customer: '上海云启', orderNumber: 'SO-2024-017', description: '设备无法开机' },
  ],
  [
    '上海云启 so-2024-017 设备无法开机',
    { customer: '上海云启', orderNumber: 'SO-2024-017', description: '设备无法开机' },
  ],
  [
    '上海云启 SO1001 设备无法开机',
    { customer: '上海云启', orderNumber: 'SO1001', description: '设备无法开机' },
  ],
  [
    '上海云启 订单SO-1001 设备无法开机',
    { customer: '上海云启', orderNumber: 'SO-1001', description: '设备无法开机' },
  ],
  [
    '客户:上海云启 订单:SO-1001 设备无法开机',
    { customer: '上海云启', orderNumber: 'SO-1001', description: '设备无法开机' },
  ],
  [
    '客户：上海云启 订单号：SO-1001 设备无法开机',
    { customer: '上海云启', orderNumber: 'SO-1001', description: '设备无法开机' },
  ],
  // The description exactly as typed: its spaces, punctuation and full-width characters kept.
  [
    '上海云启 SO-1001 开机后  报警灯常亮，　E42 错误',
    { customer: '上海云启', orderNumber: 'SO-1001', description: '开机后  报警灯常亮，　E42 错误' },
  ],
  [
    '上海云启 SO-1001 客户说设备坏了',
    { customer: '上海云启', orderNumber: 'SO-1001', description: '客户说设备坏了' },
  ],
  [
    '上海云启 设备无法开机 SO-1001',
    { customer: '上海云启', orderNumber: 'SO-1001', description: '设备无法开机' },
  ],
  ['上海云启 设备无法开机', { customer: '上海云启', description: '设备无法开机' }],
  ['上海云启 SO-1001', { customer: '上海云启', orderNumber: 'SO-1001' }],
  ['上海云启 SO-1001 紧急', { customer: '上海云启', orderNumber: 'SO-1001', priority: 'urgent' }],
  ['SO-1001', { orderNumber: 'SO-1001' }],
  ['', {}],
  [
    'L-1042 SO-1001 设备无法开机',
    { customer: 'L-1042', orderNumber: 'SO-1001', description: '设备无法开机' },
  ],
  [
    '上海云启 SO-1001 #物流 外包装破损',
    { customer: '上海云启', orderNumber: 'SO-1001', category: '物流', description: '外包装破损' },
  ],
  [
    '上海云启 SO-1001 类别:安装 安装师傅没来',
    { customer: '上海云启', orderNumber: 'SO-1001', category: '安装', description: '安装师傅没来' },
  ],
  [
    '「上海 云启」 SO-1001 设备无法开机',
    { customer: '上海 云启', orderNumber: 'SO-1001', description: '设备无法开机' },
  ],
  // English.
  [
    'Acme SO-1001 urgent the unit will not power on',
    {
      customer: 'Acme',
      orderNumber: 'SO-1001',
      priority: 'urgent',
      description: 'the unit will not power on',
    },
  ],
  [
    '"Acme Corp" SO-1001 high screen flickers',
    { customer: 'Acme Corp', orderNumber: 'SO-1001', priority: 'high', description: 'screen flickers' },
  ],
  [
    'SO-1001 Acme low manual missing a page',
    { customer: 'Acme', orderNumber: 'SO-1001', priority: 'low', description: 'manual missing a page' },
  ],
  [
    'Acme SO-1001 noisy fan Normal',
    { customer: 'Acme', orderNumber: 'SO-1001', priority: 'normal', description: 'noisy fan' },
  ],
  [
    'customer:Acme order:SO-1001 priority:high leaking oil',
    { customer: 'Acme', orderNumber: 'SO-1001', priority: 'high', description: 'leaking oil' },
  ],
  [
    'Acme SO-1001 category:install installer never came',
    { customer: 'Acme', orderNumber: 'SO-1001', category: 'install', description: 'installer never came' },
  ],
  [
    'Acme SO-1001 display shows E42',
    { customer: 'Acme', orderNumber: 'SO-1001', description: 'display shows E42' },
  ],
  ['Acme display shows E42', { customer: 'Acme', description: 'display shows E42' }],
  // A second priority word is part of the description.
  [
    '上海云启 SO-1001 紧急 高温报警 高',
    { customer: '上海云启', orderNumber: 'SO-1001', priority: 'urgent', description: '高温报警 高' },
  ],
];

describe('parseComplaintLine', () => {
  it.each(CASES)('%s', (line, expected) => {
    expect(strip(parseComplaintLine(line))).toEqual(expected);
  });

  it('holds at least thirty real phrasings', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
  });

  it('takes a category of the org’s list as a word of its own, in any case', () => {
    const categories = ['设备故障', 'Logistics'];
    expect(strip(parseComplaintLine('上海云启 SO-1001 设备故障 无法开机', { categories }))).toEqual({
      customer: '上海云启',
      orderNumber: 'SO-1001',
      category: '设备故障',
      description: '无法开机',
    });
    expect(parseComplaintLine('Acme SO-1001 logistics box crushed', { categories }).category).toBe(
      'Logistics',
    );
    // With a list, a hashtag is no category: only the org's own are.
    expect(parseComplaintLine('上海云启 SO-1001 #物流 破损', { categories }).category).toBeUndefined();
  });

  it('keeps the customer’s word with the description, for an order that says who the customer is', () => {
    expect(parseComplaintLine('SO-1001 设备无法开机').customerAndDescription).toBe('设备无法开机');
    expect(parseComplaintLine('SO-1001 设备 无法开机').customerAndDescription).toBe('设备 无法开机');
    expect(parseComplaintLine('客户:上海云启 SO-1001 无法开机').customerAndDescription).toBeUndefined();
  });
});

describe('canonicalOrderNumber', () => {
  it.each([
    ['SO-2024-017', 'SO-2024-017'],
    ['ｓｏ－２０２４－０１７', 'SO-2024-017'],
    ['so—1001', 'SO-1001'],
    ['HT2024001', 'HT2024001'],
  ])('%s → %s', (typed, canonical) => expect(canonicalOrderNumber(typed)).toBe(canonical));

  it.each(['L-1042', 'E42', '设备', 'SO-', '1001'])('%s is none', (typed) =>
    expect(canonicalOrderNumber(typed)).toBeUndefined(),
  );
});
