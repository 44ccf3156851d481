import type { ComplaintErrorCode } from '../../core/after-sales/index.js';
import type { ErrorDetails } from '../../core/shared/errors.js';
import type { WallTime } from '../../core/shared/zoned-time.js';

/** One of the customer's orders, as a numbered choice shows it (the signing date in the org's zone). */
export type OrderChoiceLine = {
  readonly number: string;
  readonly items?: string;
  readonly signedOn: WallTime;
};

/** The words of raising a complaint in chat (`/投诉`), its choices, the Slack form and the centre card's buttons. */
export type ComplaintChatTexts = {
  readonly ask: {
    readonly customer: string;
    readonly description: string;
    /** The customer's orders to choose from, numbered. */
    readonly order: (customer: string, choices: string) => string;
    /** Several customers match what was typed: which one, numbered. */
    readonly whichCustomer: (typed: string, choices: string) => string;
  };
  /** Where the platform shows a select menu (Slack): the question, the orders being in the menu below. */
  readonly pickOrder: (customer: string) => string;
  readonly wrongOrderPick: (typed: string, customer: string) => string;
  /** The refusal of another customer's (or an unknown) order, with the customer's orders numbered. */
  readonly wrongOrder: (typed: string, customer: string, choices: string) => string;
  readonly customerNotFound: (typed: string) => string;
  /** An answer to a numbered question that names none of the choices. */
  readonly pickOne: (count: number) => string;
  readonly choice: (index: number, order: OrderChoiceLine) => string;
  readonly customerChoice: (index: number, name: string) => string;
  readonly raised: (code: string, customer: string, order: string, priority: string) => string;
  /** Stored as the category when none was given (the org's list, or free text, is optional). */
  readonly uncategorized: string;
  /** Slack's select menu of the customer's orders. */
  readonly chooseOrder: string;
  readonly card: {
    readonly assignButton: (name: string, openTasks: number) => string;
    readonly within: (hours: number) => string;
    readonly dueBy: (at: WallTime) => string;
    /** The contract's signing day (a day, not an instant: no time of day). */
    readonly signedOn: (on: WallTime) => string;
    readonly assigned: (assignee: string, task: string | undefined, due: string | undefined) => string;
    readonly requiredBy: string;
  };
  /** The private answer to the manager who assigned it. */
  readonly assignedReply: (assignee: string, task: string) => string;
  readonly form: {
    readonly title: string;
    readonly submit: string;
    readonly customer: string;
    readonly customerHint: string;
    readonly orderNumber: string;
    readonly priority: string;
    readonly category: string;
    readonly description: string;
    readonly required: string;
    readonly unknownChoice: string;
    readonly ambiguousCustomer: (names: readonly string[]) => string;
    readonly wrongOrder: (numbers: readonly string[]) => string;
  };
};

const pad = (n: number) => String(n).padStart(2, '0');

export const complaintErrorsZhCN: Readonly<Record<ComplaintErrorCode, (d: ErrorDetails) => string>> = {
  COMPLAINT_ASSIGN_NOT_MANAGER: () => '只有售后经理可以分配投诉。请联系售后经理分配。',
  COMPLAINT_CUSTOMER_NOT_FOUND: (d) => `没有找到客户「${String(d.customer ?? '')}」，请检查客户名称。`,
};

export const complaintChatTextsZhCN: ComplaintChatTexts = {
  ask: {
    customer: '是哪个客户的投诉？请回复客户名称。',
    description: '请描述一下客户遇到的问题。',
    order: (customer, choices) => `是 ${customer} 的哪个订单？请回复序号或订单号：\n${choices}`,
    whichCustomer: (typed, choices) => `有几个客户的名称包含「${typed}」，是哪一个？请回复序号：\n${choices}`,
  },
  wrongOrder: (typed, customer, choices) =>
    `订单 ${typed} 不是 ${customer} 的订单。请回复序号，从该客户的订单中选择：\n${choices}`,
  pickOrder: (customer) => `是 ${customer} 的哪个订单？请在下面选择。`,
  wrongOrderPick: (typed, customer) => `订单 ${typed} 不是 ${customer} 的订单。请在下面选择该客户的订单。`,
  customerNotFound: (typed) => `没有找到客户「${typed}」。请再回复一次客户名称（或发送「取消」）。`,
  pickOne: (count) => `请回复 1 到 ${count} 之间的序号（或发送「取消」）。`,
  choice: (i, o) =>
    [`${i}. ${o.number}`, o.items, `${o.signedOn.year}年${o.signedOn.month}月${o.signedOn.day}日签订`]
      .filter(Boolean)
      .join(' · '),
  customerChoice: (i, name) => `${i}. ${name}`,
  raised: (code, customer, order, priority) =>
    `已登记投诉 ${code}：${customer} · 订单 ${order} · ${priority}。已通知售后经理分配。`,
  uncategorized: '未分类',
  chooseOrder: '选择该客户的订单',
  card: {
    assignButton: (name, n) => `${name} · ${n} 单`,
    within: (hours) => `${hours} 小时内完成`,
    dueBy: (w) => `要求 ${w.month}月${w.day}日 ${pad(w.hour)}:${pad(w.minute)} 前完成`,
    signedOn: (w) => `${w.year}年${w.month}月${w.day}日`,
    assigned: (assignee, task, due) =>
      [`已分配给 ${assignee}`, task ? `任务 ${task}` : undefined, due].filter(Boolean).join(' · '),
    requiredBy: '要求完成',
  },
  assignedReply: (assignee, task) => `已分配给 ${assignee}，任务单 ${task} 已发给处理人。`,
  form: {
    title: '登记客户投诉',
    submit: '提交',
    customer: '客户',
    customerHint: '客户名称，如 上海云启',
    orderNumber: '订单号',
    priority: '优先级',
    category: '类别',
    description: '问题描述',
    required: '请填写此项。',
    unknownChoice: '请从列表中选择。',
    ambiguousCustomer: (names) => `有几个客户符合：${names.join('、')}，请写全名。`,
    wrongOrder: (numbers) =>
      numbers.length > 0 ? `不是该客户的订单。该客户的订单：${numbers.join('、')}` : '不是该客户的订单。',
  },
};
