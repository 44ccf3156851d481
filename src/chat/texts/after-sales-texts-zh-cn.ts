import type { AfterSalesErrorCode } from '../../core/after-sales/index.js';
import type { ErrorDetails } from '../../core/shared/errors.js';
import type { AfterSalesTexts } from './after-sales-texts.js';

const choices = (d: ErrorDetails): string => {
  const list = Array.isArray(d.choices) ? (d.choices as { number: string; items?: string }[]) : [];
  return list.map((c, i) => `${i + 1}. ${c.number}${c.items ? `（${c.items}）` : ''}`).join('；');
};

/** After-sales refusals in Chinese, spread into the catalogue's `errors`. */
export const afterSalesErrorsZhCN: Readonly<Record<AfterSalesErrorCode, (d: ErrorDetails) => string>> = {
  COMPLAINT_NOT_FOUND: () => '没有找到这条投诉。',
  COMPLAINT_CUSTOMER_UNKNOWN: () => '没有找到这个客户的订单，请确认客户。',
  COMPLAINT_ORDER_NOT_OF_CUSTOMER: (d) =>
    `订单 ${String(d.orderNumber ?? '')} 不是该客户的订单，请从该客户的订单中选择：${choices(d)}`,
  COMPLAINT_ALREADY_ASSIGNED: (d) =>
    `这条投诉已由${String(d.assignedByName ?? '其他人')}分配给${String(d.assigneeName ?? '售后人员')}。`,
  COMPLAINT_STATUS_CONFLICT: () => '这条投诉当前的状态不能这样处理。',
  ASSIGNEE_NOT_AFTER_SALES: () => '只能分配给在职的售后人员。',
  TASK_NOT_FOUND: () => '没有找到这张任务单。',
  TASK_NOT_YOURS: (d) => `这张任务单由${String(d.assigneeName ?? '其他人')}处理，只有处理人可以操作。`,
  TASK_STATUS_CONFLICT: () => '任务单当前的状态不能这样处理。',
  TASK_ALREADY_DECIDED: (d) => `${String(d.decidedByName ?? '其他经理')}已经审核过这张任务单的工时。`,
};

export const afterSalesTextsZhCN: AfterSalesTexts = {
  complaintTitle: (code, customer) => `客户投诉 ${code} · ${customer}`,
  taskTitle: (moment, code) =>
    ({
      assigned: `新任务单 ${code}`,
      remind: `任务单 ${code} 快到期了`,
      due: `任务单 ${code} 已到期`,
      review: `任务单 ${code} 待审核工时`,
      returned: `任务单 ${code} 被退回`,
      approved: `任务单 ${code} 工时已批准`,
    })[moment],
  complaintStatuses: {
    unassigned: '待分配',
    assigned: '已分配',
    in_progress: '处理中',
    in_review: '待审核',
    resolved: '已解决',
    closed: '已关闭',
    reopened: '重新打开',
  },
  taskStatuses: {
    open: '待处理',
    in_progress: '处理中',
    paused: '已暂停',
    in_review: '待审核',
    approved: '已完成',
  },
  priorities: { urgent: '紧急', high: '高', normal: '普通', low: '低' },
  pauseReasons: { customer: '等待客户', parts: '等待配件' },
  fields: {
    priority: '优先级',
    category: '类别',
    order: '订单',
    contract: '合同编号',
    signedAt: '签订日期',
    assignee: '处理人',
    task: '任务单',
    customer: '客户',
    dueAt: '要求完成时间',
    reportedHours: '填报工时',
    approvedHours: '批准工时',
    completedAt: '实际完成时间',
    result: '处理结果',
    returnReason: '退回原因',
  },
  overdue: '超期完成',
  onTime: '按时完成',
  paused: '已暂停，暂停期间不计时',
  hours: (hours) => `${hours} 小时`,
};
