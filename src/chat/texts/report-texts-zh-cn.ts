import type { ReportTexts } from './report-texts.js';
import { taskChatTextsZhCN } from './task-chat-texts-zh-cn.js';

/** What `/报表` takes, said after a refusal. */
export const USAGE_ZH =
  '可以这样写：/报表 [本周|上周|本月|上月|2026-11|11月] [销售组]，或 /报表 渠道、/报表 售后、/报表 热力图。';

export const reportTextsZhCN: ReportTexts = {
  title: (what, scope, range) => `${what} · ${scope}（${range}）`,
  what: {
    report: '报表',
    weekly: (year, week) => `${year}年第${week}周周报`,
    channels: '渠道报表',
    afterSales: '售后报表',
    heatmap: '回访热力图',
  },
  wholeOrg: '全公司',
  range: (from, to) => `${from[0]}月${from[1]}日 – ${to[0]}月${to[1]}日`,
  assigned: (n) => `分配 ${n}`,
  leads: (n) => `线索 ${n}`,
  followUps: (n) => `跟进 ${n} 次`,
  unfollowedRate: (rate) => `未跟进率 ${rate}`,
  responseMedian: (d) => `响应中位 ${d}`,
  won: (n, amount) => `成交 ${n} / ${amount}`,
  duration: taskChatTextsZhCN.duration,
  noResponse: '暂无',
  fields: {
    responseP90: '响应 P90',
    followUpsPerLead: '人均跟进次数',
    reclaims: '被回收',
    conversion: '成交转化率',
    lossReasons: '流失原因',
  },
  besideMedian: (mine, median) => `${mine}（组中位 ${median}）`,
  me: '我',
  teamMedian: '组中位',
  rankedTitle: '按未跟进率排名（最需关注的在前）',
  repLine: (rank, name, unfollowed, response, won) =>
    `${rank}. ${name} — 未跟进 ${unfollowed} · 响应 ${response} · 成交 ${won}`,
  charts: {
    unfollowedRate: '未跟进率',
    responseMedian: '响应时间中位数',
    conversion: '成交转化率',
    funnel: '销售漏斗',
    heatmap: '回访热力图（星期 × 时段）',
    recency: '客户距上次跟进的天数',
    channels: '渠道效果',
    staff: '售后人员工时',
    overdueRate: '逾期率',
    hoursUnit: '小时',
  },
  recency: {
    '0-3': '0–3 天',
    '4-7': '4–7 天',
    '8-14': '8–14 天',
    '15-30': '15–30 天',
    '30+': '30 天以上',
    never: '从未跟进',
  },
  channelColumns: {
    name: '来源 / 活动',
    leads: '线索',
    followUpRate: '跟进率',
    conversion: '转化率',
    costPerLead: '单条成本',
    costPerWin: '单成交成本',
  },
  channelKinds: { source: '来源', campaign: '活动' },
  afterSales: {
    complaints: (n) => `投诉 ${n}`,
    resolved: (n) => `已解决 ${n}`,
    meanToResolve: (h) => `平均解决 ${h} 小时`,
    columns: {
      staff: '人员',
      tasks: '任务',
      reported: '填报工时',
      approved: '批准工时',
      overdueRate: '逾期率',
    },
  },
  empty: {
    leads: (range) => `${range} 没有新分配的线索。`,
    channels: (range) => `${range} 没有新进的线索。`,
    afterSales: (range) => `${range} 没有投诉，也没有审核完的售后任务。`,
    heatmap: (range) => `${range} 没有跟进记录。`,
    chart: '这段时间没有数据',
  },
  command: {
    working: '正在生成报表，马上发到你与 Leadrelay 的私聊。',
    unknown: (words, teams) =>
      `看不懂「${words}」，也没有叫这个名字的销售组。${USAGE_ZH}${teams.length ? `销售组：${teams.join('、')}。` : ''}`,
    tooMany: `一次只能指定一个时间段、一种报表。${USAGE_ZH}`,
    forbiddenTeam: (name) => `你没有权限查看「${name}」的报表：只能查看自己所在或负责的销售组。`,
    forbiddenKind: {
      sales: '你没有权限查看销售报表。',
      channels: '你没有权限查看渠道报表。',
      afterSales: '你没有权限查看售后报表：售后报表只给售后经理、销售总监和管理员看。',
      heatmap: '你没有权限查看回访热力图。',
    },
  },
};
