import type { ErrorDetails } from '../../core/shared/errors.js';
import type { StageTexts } from './stage-texts.js';

const list = (value: unknown): string => (Array.isArray(value) ? value.join('、') : '');

/** The error texts of core/customers, spread into the zh-CN catalogue's `errors`. */
export const stageErrorsZhCN = {
  STAGE_NOT_FOUND: (d: ErrorDetails) => `没有「${String(d.to ?? '')}」这个阶段，可选：${list(d.stages)}。`,
  STAGE_NOT_YOURS: () => '只有线索的负责人、其主管、销售总监或管理员才能推进客户阶段。',
  STAGE_REOPEN_FORBIDDEN: (d: ErrorDetails) =>
    `这条线索已${String(d.from ?? '结束')}，只有主管、销售总监或管理员才能重新打开。`,
  STAGE_NOT_ALLOWED: () => '重复线索（撞单）没有自己的客户阶段，请在原线索上操作。',
  STAGE_CLOSED: (d: ErrorDetails) => `这条线索已经是「${String(d.stage ?? '')}」，要更改请先由主管重新打开。`,
  CONTRACT_NO_TAKEN: (d: ErrorDetails) =>
    `合同编号 ${String(d.contractNo ?? '')} 已用于订单 ${String(d.orderNumber ?? '')}，请核对。`,
  CUSTOMER_NOT_FOUND: () => '没有找到这个客户。',
} as const;

export const stageTextsZhCN: StageTexts = {
  fieldNames: {
    'quote.amount': '报价金额',
    'quote.items': '报价明细',
    'deal.contractNo': '合同编号',
    'deal.amount': '成交金额',
    'deal.signedAt': '签约日期',
    'loss.reason': '流失原因',
  },
  missing: (fields) => `缺少：${fields.join('、')}`,
  reasons: (reasons) => `流失原因请从这些中选：${reasons.join('、')}`,
  example: (command) => `例如：${command}`,
  words: {
    command: '/阶段',
    amount: '金额',
    items: '明细',
    contract: '合同',
    signed: '签约',
    today: '今天',
    reason: '原因',
    sampleItems: '服务器2台 + 安装',
  },
  changed: (code, from, to) => `已把 ${code} 从「${from}」推进到「${to}」。`,
  unchanged: (code, stage) => `${code} 已经是「${stage}」，没有变化。`,
  quoteReminder: (at) => `${at} 会提醒你跟进报价。`,
  won: (customer, order) => `已成为客户「${customer}」，订单 ${order} 已创建并交给售后。`,
  lostPool: (at) => `${at} 将转入公海。`,
  current: (code, stage, since) => `${code} 当前阶段：「${stage}」（自 ${since}）`,
  history: '阶段记录：',
  historyLine: (at, from, to, who, sat) => `${at} ${who}：${from} → ${to}（在「${from}」停留 ${sat}）`,
  noHistory: '还没有阶段变更。',
  next: (stages) => `可推进到：${stages}`,
  sat: (days, hours) => (days > 0 ? `${days} 天${hours > 0 ? ` ${hours} 小时` : ''}` : `${hours} 小时`),
  system: '系统',
  join: '、',
  quote: {
    title: '已报价',
    lead: '线索',
    amount: '报价金额',
    items: '报价明细',
    remindAt: '跟进提醒',
  },
  handOff: {
    title: '成交交接',
    customer: '客户',
    contact: '联系人',
    order: '订单',
    contract: '合同编号',
    amount: '金额',
    signedAt: '签约日期',
    items: '明细',
    owner: '销售',
    lead: '线索',
  },
};
