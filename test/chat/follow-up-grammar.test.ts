import { describe, expect, it } from 'vitest';
import { parseFollowUpLine } from '../../src/chat/follow-up-grammar.js';
import { outcomeChoicesOf } from '../../src/chat/handlers/follow-up-use-cases.js';
import { wallTimeOf } from '../../src/core/shared/zoned-time.js';
import { makeOrg } from '../core/fakes.js';

// The one-line follow-up over real phrasings. Clock: Tuesday 1 December 2026, 10:00 in Shanghai.
const NOW = new Date('2026-12-01T02:00:00Z');
const ZH = {
  now: NOW,
  timeZone: 'Asia/Shanghai',
  locale: 'zh-CN',
  outcomes: outcomeChoicesOf(makeOrg()),
} as const;
const EN = { ...ZH, locale: 'en' } as const;

function wall(at: Date | undefined): string | undefined {
  if (!at) return undefined;
  const w = wallTimeOf(at, 'Asia/Shanghai');
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(w.month)}-${p(w.day)} ${p(w.hour)}:${p(w.minute)}`;
}

type Row = [
  text: string,
  lead: string | undefined,
  channel: string | undefined,
  outcome: string | undefined,
  next: string | undefined,
  content: string | undefined,
];

// text after the command name | lead | channel | outcome | next contact (Shanghai) | content as typed
const CHINESE: Row[] = [
  [
    'L-1042 电话 约到试用 下次 明天上午10点 客户要报价单',
    'L-1042',
    'phone',
    'trial-booked',
    '12-02 10:00',
    '客户要报价单',
  ],
  [
    'L-1042 电话 约到试用 下次 后天下午 客户要报价单',
    'L-1042',
    'phone',
    'trial-booked',
    '12-03 15:00',
    '客户要报价单',
  ],
  ['L-1042 微信 下次 下周一 发了产品资料', 'L-1042', 'wechat', undefined, '12-07 10:00', '发了产品资料'],
  ['L-1042 打电话 下次 3天后 客户在出差', 'L-1042', 'phone', undefined, '12-04 10:00', '客户在出差'],
  [
    'L-1042 拜访 确认需求 下次 12月5日 14:00 现场看了产线',
    'L-1042',
    'visit',
    'needs-confirmed',
    '12-05 14:00',
    '现场看了产线',
  ],
  ['L-1042 邮件 下次 周五前 发报价单', 'L-1042', 'email', undefined, '12-04 18:00', '发报价单'],
  ['L-1042 致电 未接通 下次 明天下午 没人接', 'L-1042', 'phone', 'no-answer', '12-02 15:00', '没人接'],
  [
    'L-1042 上门 二次报价 下回 下周三下午两点 客户嫌贵',
    'L-1042',
    'visit',
    'second-quote',
    '12-09 14:00',
    '客户嫌贵',
  ],
  ['L-1042 面谈 下次 明天 老板也在', 'L-1042', 'visit', undefined, '12-02 10:00', '老板也在'],
  [
    'L-1042 wx 下次 明早9点 加了微信，发了方案',
    'L-1042',
    'wechat',
    undefined,
    '12-02 09:00',
    '加了微信，发了方案',
  ],
  ['L-1042 其他 下次 后天 展会上碰到', 'L-1042', 'other', undefined, '12-03 10:00', '展会上碰到'],
  ['L-1042 其它 下次 大后天上午 朋友介绍', 'L-1042', 'other', undefined, '12-04 10:00', '朋友介绍'],
  // Full-width digits, letters, colons and the ideographic space.
  [
    'Ｌ-1042 电话 下次 １２月５日 １４：００ 客户要报价单',
    'Ｌ-1042',
    'phone',
    undefined,
    '12-05 14:00',
    '客户要报价单',
  ],
  [
    'L-1042　电话　约到试用　下次　明天上午１０点　客户要报价单',
    'L-1042',
    'phone',
    'trial-booked',
    '12-02 10:00',
    '客户要报价单',
  ],
  ['L-1042 电话 下次 １２月５日 下午２点 约了演示', 'L-1042', 'phone', undefined, '12-05 14:00', '约了演示'],
  ['L-1042 ＷＸ 下次 明天 发资料', 'L-1042', 'wechat', undefined, '12-02 10:00', '发资料'],
  // The time without 下次, as words of its own before the content.
  ['L-1042 电话 明天上午10点 客户要报价单', 'L-1042', 'phone', undefined, '12-02 10:00', '客户要报价单'],
  ['L-1042 电话 后天下午 再打', 'L-1042', 'phone', undefined, '12-03 15:00', '再打'],
  [
    'L-1042 电话 约到试用 下周一上午 带样品过去',
    'L-1042',
    'phone',
    'trial-booked',
    '12-07 10:00',
    '带样品过去',
  ],
  // Other orders.
  [
    'L-1042 约到试用 电话 下次 明天上午10点 客户要报价单',
    'L-1042',
    'phone',
    'trial-booked',
    '12-02 10:00',
    '客户要报价单',
  ],
  ['L-1042 下次 明天上午10点 电话 客户要报价单', 'L-1042', 'phone', undefined, '12-02 10:00', '客户要报价单'],
  ['L-1042 电话 客户要报价单 下次 明天上午10点', 'L-1042', 'phone', undefined, '12-02 10:00', '客户要报价单'],
  ['L-1042 客户要报价单 电话 约到试用', 'L-1042', 'phone', 'trial-booked', undefined, '客户要报价单'],
  ['L-1042 客户要报价单 下次 周五前 微信', 'L-1042', 'wechat', undefined, '12-04 18:00', '客户要报价单'],
  ['电话 L-1042 下次 明天 客户要报价单', 'L-1042', 'phone', undefined, '12-02 10:00', '客户要报价单'],
  ['1042 电话 下次 明天 客户要报价单', '1042', 'phone', undefined, '12-02 10:00', '客户要报价单'],
  ['l-1042 电话 下次 明天 客户要报价单', 'l-1042', 'phone', undefined, '12-02 10:00', '客户要报价单'],
  // Quoted content and quoted times.
  ['L-1042 电话 "客户要报价单 下周给"', 'L-1042', 'phone', undefined, undefined, '"客户要报价单 下周给"'],
  [
    'L-1042 电话 下次 「12月5日 14:00」 客户要报价单',
    'L-1042',
    'phone',
    undefined,
    '12-05 14:00',
    '客户要报价单',
  ],
  [
    'L-1042 电话 下次 “明天上午10点” 客户要报价单',
    'L-1042',
    'phone',
    undefined,
    '12-02 10:00',
    '客户要报价单',
  ],
  // A time inside the content is read, and the content is kept whole.
  ['L-1042 电话 客户说3天后再联系', 'L-1042', 'phone', undefined, '12-04 10:00', '客户说3天后再联系'],
  ['L-1042 微信 周五前给他报价', 'L-1042', 'wechat', undefined, '12-04 18:00', '周五前给他报价'],
  // Content kept exactly as typed: inner spaces, punctuation, a second channel word.
  [
    'L-1042 电话 客户  要报价单，   下周 给',
    'L-1042',
    'phone',
    undefined,
    undefined,
    '客户  要报价单，   下周 给',
  ],
  [
    'L-1042 电话 客户说不用发微信 直接打电话',
    'L-1042',
    'phone',
    undefined,
    undefined,
    '客户说不用发微信 直接打电话',
  ],
  [
    'L-1042 电话 下次 明天 约到试用了，很开心',
    'L-1042',
    'phone',
    undefined,
    '12-02 10:00',
    '约到试用了，很开心',
  ],
  // Missing parts: the guided exchange asks for them.
  ['L-1042', 'L-1042', undefined, undefined, undefined, undefined],
  ['L-1042 电话', 'L-1042', 'phone', undefined, undefined, undefined],
  ['L-1042 电话 约到试用', 'L-1042', 'phone', 'trial-booked', undefined, undefined],
  ['L-1042 下次 明天上午10点', 'L-1042', undefined, undefined, '12-02 10:00', undefined],
  ['L-1042 客户要报价单', 'L-1042', undefined, undefined, undefined, '客户要报价单'],
  ['L-1042 电话 客户要报价单', 'L-1042', 'phone', undefined, undefined, '客户要报价单'],
  ['', undefined, undefined, undefined, undefined, undefined],
  ['电话 客户要报价单', undefined, 'phone', undefined, undefined, '客户要报价单'],
];

const ENGLISH: Row[] = [
  [
    'L-1042 phone trial-booked next "tomorrow 10am" customer wants a quote',
    'L-1042',
    'phone',
    'trial-booked',
    '12-02 10:00',
    'customer wants a quote',
  ],
  [
    'L-1042 phone trial_booked next tomorrow 10am customer wants a quote',
    'L-1042',
    'phone',
    'trial-booked',
    '12-02 10:00',
    'customer wants a quote',
  ],
  [
    'L-1042 call "trial booked" next "next monday" sent the deck',
    'L-1042',
    'phone',
    'trial-booked',
    '12-07 10:00',
    'sent the deck',
  ],
  [
    'L-1042 call trial booked next monday sent the deck',
    'L-1042',
    'phone',
    'trial-booked',
    '12-07 10:00',
    'sent the deck',
  ],
  ['L-1042 email next "in 3 days" sent pricing', 'L-1042', 'email', undefined, '12-04 10:00', 'sent pricing'],
  [
    'L-1042 visit needs-confirmed next "Dec 5 14:00" saw the plant',
    'L-1042',
    'visit',
    'needs-confirmed',
    '12-05 14:00',
    'saw the plant',
  ],
  [
    'L-1042 wechat next "by friday" wants the contract draft',
    'L-1042',
    'wechat',
    undefined,
    '12-04 18:00',
    'wants the contract draft',
  ],
  [
    'L-1042 phone no-answer next "tomorrow afternoon" voicemail',
    'L-1042',
    'phone',
    'no-answer',
    '12-02 15:00',
    'voicemail',
  ],
  [
    'L-1042 meeting second-quote next "friday 3pm" asked for a discount',
    'L-1042',
    'visit',
    'second-quote',
    '12-04 15:00',
    'asked for a discount',
  ],
  [
    'L-1042 Phone Trial-Booked next "Tomorrow 10AM" Customer wants a quote',
    'L-1042',
    'phone',
    'trial-booked',
    '12-02 10:00',
    'Customer wants a quote',
  ],
  [
    'L-1042 other next tomorrow met at the fair',
    'L-1042',
    'other',
    undefined,
    '12-02 10:00',
    'met at the fair',
  ],
  [
    'L-1042 phone customer wants a quote next "tomorrow 10am"',
    'L-1042',
    'phone',
    undefined,
    '12-02 10:00',
    'customer wants a quote',
  ],
  [
    'L-1042 customer wants a quote phone trial-booked',
    'L-1042',
    'phone',
    'trial-booked',
    undefined,
    'customer wants a quote',
  ],
  [
    'L-1042 trial-booked phone next "tomorrow 10am" customer wants a quote',
    'L-1042',
    'phone',
    'trial-booked',
    '12-02 10:00',
    'customer wants a quote',
  ],
  [
    'L-1042 phone "tomorrow 10am" customer wants a quote',
    'L-1042',
    'phone',
    undefined,
    '12-02 10:00',
    'customer wants a quote',
  ],
  [
    'L-1042 phone customer asked to call back in 3 days',
    'L-1042',
    'phone',
    undefined,
    '12-04 10:00',
    'customer asked to call back in 3 days',
  ],
  [
    'L-1042 phone 约到试用 next "tomorrow 10am" mixed languages',
    'L-1042',
    'phone',
    'trial-booked',
    '12-02 10:00',
    'mixed languages',
  ],
  [
    'L-1042 ｐｈｏｎｅ next "tomorrow 10am" full-width letters',
    'L-1042',
    'phone',
    undefined,
    '12-02 10:00',
    'full-width letters',
  ],
  ['L-1042', 'L-1042', undefined, undefined, undefined, undefined],
  ['L-1042 phone', 'L-1042', 'phone', undefined, undefined, undefined],
  ['L-1042 phone customer wants a quote', 'L-1042', 'phone', undefined, undefined, 'customer wants a quote'],
  ['L-1042 next "tomorrow 10am"', 'L-1042', undefined, undefined, '12-02 10:00', undefined],
  ['L-1042 email', 'L-1042', 'email', undefined, undefined, undefined],
];

function check([text, lead, channel, outcome, next, content]: Row, options: typeof ZH | typeof EN) {
  const parsed = parseFollowUpLine(text, options);
  expect({
    lead: parsed.leadRef,
    channel: parsed.channel,
    outcome: parsed.outcome,
    next: wall(parsed.nextContactAt),
    content: parsed.content,
  }).toEqual({ lead, channel, outcome, next, content });
}

describe('parseFollowUpLine', () => {
  it('has at least 60 phrasings', () => {
    expect(CHINESE.length + ENGLISH.length).toBeGreaterThanOrEqual(60);
  });
  it.each(CHINESE)('zh: %s', (...row) => check(row, ZH));
  it.each(ENGLISH)('en: %s', (...row) => check(row, EN));

  it('matches an outcome of the org’s own list, not only the defaults', () => {
    const outcomes = [{ key: 'demo-done', name: '已演示' }];
    const parsed = parseFollowUpLine('L-7 电话 已演示 下次 明天 还要比价', { ...ZH, outcomes });
    expect(parsed.outcome).toBe('demo-done');
    expect(parseFollowUpLine('L-7 电话 约到试用 x', { ...ZH, outcomes }).outcome).toBeUndefined();
  });
});
