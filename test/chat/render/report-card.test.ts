import { describe, expect, it } from 'vitest';
import type { OutboundMessage } from '../../../src/chat/card.js';
import type { RenderContext } from '../../../src/chat/render/render-context.js';
import { renderNotice } from '../../../src/chat/render/render-notice.js';
import { en } from '../../../src/chat/texts/en.js';
import { zhCN } from '../../../src/chat/texts/zh-cn.js';
import { type ReportCardData, reportCardData } from '../../../src/core/reports/index.js';
import {
  EMPTY_REPORT,
  fullCards,
  LI,
  REP_REPORT,
  REPS,
  TEAM_TOTALS,
  WEEK_REPORT,
} from './report-card-fixtures.js';

const zh: RenderContext = {
  texts: zhCN,
  locale: 'zh-CN',
  timeZone: 'Asia/Shanghai',
  to: { kind: 'member', memberId: LI },
};
const english: RenderContext = { ...zh, texts: en, locale: 'en' };

const draw = (data: ReportCardData, ctx = zh): OutboundMessage =>
  renderNotice({ kind: 'report.card', data }, ctx);
const card = (data: ReportCardData, ctx = zh) => {
  const c = draw(data, ctx).card;
  if (!c) throw new Error('no card');
  return c;
};
const everything = (data: ReportCardData, ctx = zh) => {
  const c = card(data, ctx);
  return [
    c.title,
    c.status ?? '',
    c.markdown ?? '',
    ...c.fields.flatMap((f) => [f.label, f.value]),
    ...(c.images ?? []).map((i) => i.alt),
  ].join('\n');
};

describe('the report card', () => {
  it('a team: the headline first, reps worst unfollowed first, two bar charts, the funnel and the heat map', () => {
    const c = card(reportCardData('team', WEEK_REPORT));
    expect(c.title).toBe('报表 · 华东组（11月24日 – 11月30日）');
    expect(c.status).toBe('分配 25 · 未跟进率 20% · 响应中位 1 小时 30 分 · 成交 3 / ¥170,000');
    const lines = (c.markdown ?? '').split('\n').slice(1);
    expect(lines.map((l) => l.split(' — ')[0])).toEqual(['1. 李娜', '2. 张伟', '3. 王强']);
    expect(c.images?.map((i) => i.alt)).toEqual([
      '未跟进率 · 华东组：李娜 40%，张伟 10%，王强 0%',
      '响应时间中位数 · 华东组：李娜 9 小时，张伟 2 小时，王强 0.5 小时',
      '销售漏斗 · 华东组：新线索 25 → 已联系 15（60%） → 报价 6（40%） → 成交 3（50%）',
      '回访热力图（星期 × 时段） · 华东组：合计 30，最多在周一 10时（6）',
    ]);
    for (const image of c.images ?? []) {
      expect(image.png.subarray(1, 4).toString()).toBe('PNG');
      expect(image.width).toBeGreaterThan(0);
    }
    expect(c.fields.find((f) => f.label === '流失原因')?.value).toBe('价格太高 2');
  });

  it('the weekly digest names its week', () => {
    const data = reportCardData('team', WEEK_REPORT, { digest: { week: '2026-W48' } });
    expect(card(data).title).toBe('2026年第48周周报 · 华东组（11月24日 – 11月30日）');
    expect(card(data, english).title).toBe('Weekly report, week 48 of 2026 · 华东组 (Nov 24 – Nov 30)');
  });

  it('in English for an English reader', () => {
    const c = card(reportCardData('team', WEEK_REPORT), english);
    expect(c.status).toBe('Assigned 25 · unfollowed 20% · median response 1 h 30 min · won 3 / ¥170,000');
    expect(c.images?.[0]?.alt).toBe('Unfollowed rate · 华东组: 李娜 40%, 张伟 10%, 王强 0%');
  });

  it("a rep's card shows their own figures beside the team's medians, and no other rep's name", () => {
    const data = reportCardData('rep', REP_REPORT, { memberId: LI });
    const c = card(data);
    expect(c.title).toBe('报表 · 李娜 · 华东组（11月24日 – 11月30日）');
    expect(c.fields.find((f) => f.label === '未跟进率')?.value).toBe('40%（组中位 10%）');
    expect(c.images?.[0]?.alt).toBe('未跟进率 · 李娜 · 华东组：我 40%，组中位 10%');
    const text = everything(data);
    for (const other of REPS.filter((r) => r.memberId !== LI)) expect(text).not.toContain(other.name);
  });

  it("a rep's card reads only the rep's own row, even from a team's figures", () => {
    const text = everything(reportCardData('rep', WEEK_REPORT, { memberId: LI }));
    expect(text).toContain('李娜');
    expect(text).not.toContain('张伟');
    expect(text).not.toContain('王强');
  });

  it("a manager's teams side by side", () => {
    const c = card(reportCardData('teams', WEEK_REPORT, { teamTotals: TEAM_TOTALS }));
    expect(c.markdown?.split('\n').map((l) => l.split(' — ')[0])).toEqual(['**华东组**', '**华北组**']);
    expect(c.images?.[0]?.alt).toBe('未跟进率 · 华东组：华东组 20%，华北组 5%');
    expect(c.images).toHaveLength(3);
  });

  it('the org card adds the heat map and says 全公司', () => {
    const org = { ...WEEK_REPORT, scope: { sales: true, afterSales: true } };
    const c = card(reportCardData('org', org, { teamTotals: TEAM_TOTALS }));
    expect(c.title).toContain('全公司');
    expect(c.images).toHaveLength(4);
  });

  it('the channel table: sources by their names, campaigns as entered, costs', () => {
    const c = card(reportCardData('channels', WEEK_REPORT));
    expect(c.title).toBe('渠道报表 · 华东组（11月24日 – 11月30日）');
    expect(c.status).toBe('线索 25 · 成交 3 / ¥170,000');
    expect(c.images?.[0]?.alt).toContain(
      '活动：双十二 — 线索 12，跟进率 80%，转化率 25%，单条成本 ¥500，单成交成本 ¥2,000',
    );
    expect(c.images?.[0]?.alt).toContain('来源：官网 — 线索 20');
  });

  it('after-sales: complaints, time to resolve, hours reported vs approved, overdue rate', () => {
    const c = card(reportCardData('afterSales', WEEK_REPORT));
    expect(c.status).toBe('投诉 4 · 已解决 3 · 平均解决 4 小时');
    expect(c.images?.[0]?.alt).toBe(
      '售后人员工时 · 全公司：陈静 — 任务 4，填报工时 12.5，批准工时 11，逾期率 25%',
    );
    expect(c.images?.[1]?.alt).toBe('逾期率 · 全公司：陈静 25%');
  });

  it('the heat map view adds the customers by days since their last follow-up', () => {
    const c = card(reportCardData('heatmap', WEEK_REPORT));
    expect(c.status).toBe('跟进 30 次');
    expect(c.images?.[1]?.alt).toBe(
      '客户距上次跟进的天数 · 华东组：0–3 天 12，4–7 天 5，8–14 天 2，15–30 天 1，30 天以上 0，从未跟进 3',
    );
  });

  it.each(['team', 'org', 'rep', 'channels', 'afterSales', 'heatmap'] as const)(
    'an empty period says so plainly, with no charts (%s)',
    (view) => {
      const data = reportCardData(view, EMPTY_REPORT, view === 'rep' ? { memberId: LI } : {});
      const c = card(data);
      expect(c.images).toBeUndefined();
      expect(c.status).toMatch(/^11月24日 – 11月30日 没有/);
      expect(card(data, english).status).toMatch(/^No .* Nov 24 – Nov 30\.$/);
    },
  );

  it('keeps the stored data small and plain: only what the view draws, instants as ISO strings', () => {
    const data = reportCardData('rep', REP_REPORT, { memberId: LI });
    expect(data.report.period.from).toBe('2026-11-23T16:00:00.000Z');
    expect(data.report.channels).toBeUndefined();
    expect(data.report.afterSales).toBeUndefined();
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
    const afterSales = reportCardData('afterSales', WEEK_REPORT).report.afterSales;
    expect(afterSales).toEqual({
      staff: WEEK_REPORT.afterSales?.staff,
      complaints: 4,
      resolved: 3,
      meanHoursToResolve: 4,
    });
  });

  // The zh-CN scan (test/chat/zh-cn-only.test.ts) draws the empty views; the views with charts are scanned here.
  it.each(fullCards().map((data) => [data.view, data] as const))(
    'draws the %s card in natural Chinese, its alt text too',
    (_view, data) => {
      // Digits, ¥ and % are numbers; P90 is the statistic's name as sales teams write it.
      const latin = everything(data)
        .replaceAll('P90', '')
        .match(/[A-Za-z]{2,}/g);
      expect(latin).toBeNull();
    },
  );
});
