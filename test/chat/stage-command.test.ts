import { describe, expect, it } from 'vitest';
import { parseSigningDate } from '../../src/chat/handlers/signing-date.js';
import { parseAmount } from '../../src/chat/handlers/stage-command-grammar.js';
import { stageWorld } from '../core/customers/stage-world.js';
import { AT, MANAGER, REP_A } from '../core/lead-world.js';
import { chatOverFakes } from './support/chat-over-fakes.js';

// `/阶段` (`/stage`) over the core fakes: the grammar's words in Chinese and English, the refusal that names what is
// missing with the command filled in, the entry actions' replies, and `/阶段 L-1042` alone.

async function setUp(settings: Parameters<typeof stageWorld>[0] = {}) {
  const w = stageWorld(settings);
  const lead = await w.owned();
  const chat = chatOverFakes(w);
  const say = async (...args: string[]) => (await chat.type(REP_A, 'stage', args)).replies[0]?.text ?? '';
  return { w, lead, code: lead.code!, say, chat };
}

describe('/阶段', () => {
  it('refuses 报价 without its evidence, naming it and showing the command filled in', async () => {
    const { code, say, w, lead } = await setUp();
    expect(await say(code, '报价')).toBe(
      `缺少：报价金额、报价明细\n例如：/阶段 ${code} 报价 金额 50000 明细 "服务器2台 + 安装"`,
    );
    expect(await say(code, '报价', '金额', '60000')).toBe(
      `缺少：报价明细\n例如：/阶段 ${code} 报价 金额 60000 明细 "服务器2台 + 安装"`,
    );
    expect((await w.leads.get(w.org.id, lead.id))?.stage).toBeUndefined();
  });

  it('moves into 报价 with 金额 and 明细, and says when the quote will be followed up', async () => {
    const { code, say, w, lead } = await setUp();
    const reply = await say(code, '报价', '金额', '5万', '明细', '服务器2台 + 安装');
    expect(reply).toBe(`已把 ${code} 从「线索」推进到「报价」。\n03/05 10:00 会提醒你跟进报价。`);
    expect((await w.leads.get(w.org.id, lead.id))?.stage?.quote).toEqual({
      amount: 50_000,
      items: '服务器2台 + 安装',
    });
    expect(await say(code, '报价', '金额', '５００００', '明细', '服务器2台 + 安装')).toBe(
      `${code} 已经是「报价」，没有变化。`,
    );
  });

  it('reads a bare amount and the rest as the items', async () => {
    const { code, say, w, lead } = await setUp();
    await say(code, 'quote', '48000', '服务器2台', '安装');
    expect((await w.leads.get(w.org.id, lead.id))?.stage?.quote).toEqual({
      amount: 48_000,
      items: '服务器2台 安装',
    });
  });

  it('refuses 成交 without a signing date, keeping what was given in the example; then makes the order', async () => {
    const { code, say, w, lead } = await setUp();
    expect(await say(code, '成交', '合同', 'HT-2026-001', '金额', '48000')).toBe(
      `缺少：签约日期\n例如：/阶段 ${code} 成交 合同 HT-2026-001 金额 48000 签约 今天`,
    );
    const reply = await say(code, '成交', '合同', 'HT-2026-001', '金额', '48000', '签约', '今天');
    expect(reply).toBe(
      `已把 ${code} 从「线索」推进到「成交」。\n已成为客户「星河科技」，订单 SO-1001 已创建并交给售后。`,
    );
    const won = await w.leads.get(w.org.id, lead.id);
    // 今天 in Shanghai: the day began at 16:00 UTC the day before.
    expect(won?.stage?.deal?.signedAt).toEqual(new Date('2026-03-01T16:00:00Z'));
    expect(w.notifier.notices().filter((n) => n.kind === 'customer.hand_off')).toHaveLength(2);
  });

  it('asks for a loss reason from the org list and keeps the words after it as the note', async () => {
    const { code, say, w, lead } = await setUp();
    expect(await say(code, '流失', '原因', '太贵')).toBe(
      `流失原因请从这些中选：预算不足、选择竞品、需求取消、联系不上、其他\n例如：/阶段 ${code} 流失 原因 预算不足`,
    );
    const reply = await say(code, '流失', '原因', '选择竞品', '对方给了八折');
    expect(reply).toBe(`已把 ${code} 从「线索」推进到「流失」。\n03/05 10:00 将转入公海。`);
    expect((await w.leads.get(w.org.id, lead.id))?.stage?.loss).toEqual({
      reason: '选择竞品',
      note: '对方给了八折',
    });
  });

  it('shows the stage, its history with who and how long, and where it may go', async () => {
    const { code, say, w, chat, lead } = await setUp();
    w.clock.advance(26 * 3_600_000);
    await say(code, '沟通');
    const text = await say(code);
    expect(text).toBe(
      [
        `${code} 当前阶段：「沟通」（自 03/03 12:00）`,
        '阶段记录：',
        '03/03 12:00 张伟：线索 → 沟通（在「线索」停留 1 天 2 小时）',
        '可推进到：线索、意向、报价、成交、流失',
      ].join('\n'),
    );
    await say(code, '流失', '原因', '其他');
    expect(await say(code)).not.toContain('可推进到');
    const manager = (await chat.type(MANAGER, 'stage', [code])).replies[0]?.text;
    expect(manager).toContain('可推进到：线索、意向、沟通、报价、成交');
    expect(lead.createdAt).toEqual(AT);
  });

  it('names the stages when the stage typed is not one', async () => {
    const { code, say } = await setUp();
    expect(await say(code, '签单')).toBe('没有「签单」这个阶段，可选：线索、意向、沟通、报价、成交、流失。');
  });
});

describe('/stage in English', () => {
  it('takes the English words and answers in English for an English org', async () => {
    const { code, say } = await setUp({ settings: { locale: 'en' } });
    expect(await say(code, 'quote', 'amount', '50,000')).toBe(
      `Missing: quote items\nFor example: /stage ${code} quote amount 50000 items "2 servers + setup"`,
    );
    expect(await say(code, 'Quote', 'amount', '50k', 'items', '2 servers')).toContain(
      `${code} moved from "Lead" to "Quote".`,
    );
    expect(await say(code, 'won', 'contract', 'C-1', 'amount', '48000', 'signed', '2026-03-01')).toContain(
      'order SO-1001',
    );
  });
});

describe('the evidence words', () => {
  it.each([
    ['50000', 50_000],
    ['50,000', 50_000],
    ['５００００', 50_000],
    ['5万', 50_000],
    ['4.8万元', 48_000],
    ['48k', 48_000],
    ['¥1200', 1200],
    ['abc', undefined],
    ['5万5', undefined],
  ])('reads the amount %s', (text, amount) => {
    expect(parseAmount(text)).toBe(amount);
  });

  it.each([
    ['今天', '2026-03-01T16:00:00.000Z'],
    ['yesterday', '2026-02-28T16:00:00.000Z'],
    ['2026-02-20', '2026-02-19T16:00:00.000Z'],
    ['2026年2月20日', '2026-02-19T16:00:00.000Z'],
    ['２月２０日', '2026-02-19T16:00:00.000Z'],
    // A day still ahead this year, without a year, is last year's: a contract is signed, not planned.
    ['12月1日', '2025-11-30T16:00:00.000Z'],
    ['明年', undefined],
    ['13月1日', undefined],
  ])('reads the signing date %s in Shanghai', (text, iso) => {
    expect(parseSigningDate(text, AT, 'Asia/Shanghai')?.toISOString()).toBe(iso);
  });
});
