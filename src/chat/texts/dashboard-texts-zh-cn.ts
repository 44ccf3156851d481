import type { ErrorCode, ErrorDetails } from '../../core/shared/errors.js';
import type { DashboardTexts } from './dashboard-texts.js';

const AGAIN = '请在聊天中再发送一次 /看板 获取新链接。';

export const dashboardTextsZhCN: DashboardTexts = {
  link: (url, minutes) => `打开数据看板（链接 ${minutes} 分钟内有效，只能用一次，请勿转发）：\n${url}`,
  page: {
    title: '数据看板',
    period: '周期',
    periods: { thisWeek: '本周', lastWeek: '上周', thisMonth: '本月', lastMonth: '上月', custom: '自定义' },
    from: '开始',
    to: '结束',
    apply: '查看',
    team: '销售组',
    allTeams: '全部销售组',
    loading: '加载中…',
    empty: '这段时间没有数据',
    failed: '加载失败，请刷新页面重试',
    summary: {
      assigned: '分配线索',
      unfollowedRate: '未跟进率',
      responseMedian: '响应时间（中位）',
      responseP90: '响应时间（90%）',
      followUpsPerLead: '人均跟进次数',
      conversion: '成交转化率',
      won: '成交',
      wonAmount: '成交金额',
      reclaims: '被回收',
      teamMedian: '组内中位',
    },
    sections: {
      unfollowed: '各销售未跟进率',
      response: '各销售响应时间（小时）',
      funnel: '销售漏斗',
      lossReasons: '流失原因',
      channels: '渠道',
      heatmap: '回访热力图',
      recency: '客户距上次跟进天数',
      afterSales: '售后人员工时与逾期',
    },
    columns: {
      channel: '渠道',
      kind: '类型',
      leads: '线索量',
      followUpRate: '跟进率',
      conversion: '转化率',
      won: '成交',
      costPerLead: '线索成本',
      costPerWin: '成交成本',
      staff: '售后人员',
      tasks: '任务',
      reportedHours: '填报工时',
      approvedHours: '核定工时',
      overdue: '逾期',
      overdueRate: '逾期率',
    },
    kinds: { source: '来源', campaign: '推广活动' },
    weekdays: ['周一', '周二', '周三', '周四', '周五', '周六', '周日'],
    recency: {
      '0-3': '0–3天',
      '4-7': '4–7天',
      '8-14': '8–14天',
      '15-30': '15–30天',
      '30+': '30天以上',
      never: '从未跟进',
    },
    units: { hours: '小时', days: '天', leads: '条' },
    items: {
      title: '明细',
      code: '编号',
      name: '客户',
      owner: '负责人',
      stage: '阶段',
      phone: '电话',
      assigned: '分配时间',
      response: '响应',
      notResponded: '未跟进',
      task: '任务',
      customer: '客户',
      due: '截止',
      status: '状态',
      none: '没有对应的记录',
      more: '更多',
      close: '关闭',
      clickHint: '点击图中的柱条查看对应的线索或任务',
    },
    signIn: {
      title: '无法登录看板',
      used: `这个链接已经用过了。${AGAIN}`,
      expired: `这个链接已过期（10 分钟内有效）。${AGAIN}`,
      unknown: `这个链接无效。${AGAIN}`,
      needed: `请先登录。${AGAIN}`,
    },
  },
};

const REFUSALS: Readonly<Record<string, string>> = dashboardTextsZhCN.page.signIn;

export const dashboardErrorsZhCN = {
  DASHBOARD_LINK_INVALID: (d: ErrorDetails) =>
    REFUSALS[String(d.reason)] ?? dashboardTextsZhCN.page.signIn.unknown,
} satisfies Partial<Record<ErrorCode, (d: ErrorDetails) => string>>;
