import type { Platform } from '../../core/org/types.js';
import { afterSalesErrorsZhCN, afterSalesTextsZhCN } from './after-sales-texts-zh-cn.js';
import { backupTextsZhCN } from './backup-texts-zh-cn.js';
import type { Catalogue, CommandName } from './catalogue.js';
import { chartTextsZhCN } from './chart-texts-zh-cn.js';
import { complaintChatTextsZhCN, complaintErrorsZhCN } from './complaint-chat-texts-zh-cn.js';
import { dashboardErrorsZhCN, dashboardTextsZhCN } from './dashboard-texts-zh-cn.js';
import { exportChatTextsZhCN } from './export-chat-texts-zh-cn.js';
import { exportErrorsZhCN } from './export-texts-zh-cn.js';
import { describeIssues } from './field-issues.js';
import { followUpErrorsZhCN } from './follow-up-errors-zh-cn.js';
import { draftTextsZhCN, followUpTextsZhCN } from './follow-up-texts-zh-cn.js';
import { when } from './format-when.js';
import { leadTextsZhCN } from './lead-texts-zh-cn.js';
import { offboardingTextsZhCN } from './offboarding-texts-zh-cn.js';
import { orderErrorsZhCN } from './order-texts-zh-cn.js';
import { perCommand } from './per-command.js';
import { planTextsZhCN } from './plan-texts-zh-cn.js';
import { reportTextsZhCN } from './report-texts-zh-cn.js';
import { stageErrorsZhCN, stageTextsZhCN } from './stage-texts-zh-cn.js';
import { taskChatTextsZhCN } from './task-chat-texts-zh-cn.js';
import { tokenTextsZhCN } from './token-texts-zh-cn.js';

const field = (details: Readonly<Record<string, unknown>>): string => describeIssues(details, 'zh-CN');

/** One line per command: the help card, and the answer to a command typed in the wrong form. */
const COMMAND_HELP: Readonly<Record<CommandName, string>> = {
  lead: '/线索 — 我的线索 · /线索 编号 — 线索详情及归属记录 · /线索 领取 编号 · /线索 释放 编号 原因 · /线索 分配 编号 成员|公海 [原因]（主管、总监、管理员）',
  pool: '/公海 — 查看公海中可领取的线索',
  followup:
    '/跟进 编号 电话|微信|拜访|邮件|其他 [结果] 下次 时间 内容 — 记录一次跟进，例如 /跟进 L-1042 电话 约到试用 下次 明天上午10点 客户要报价单',
  stage:
    '/阶段 编号 阶段 [金额 … 明细 … | 合同 … 金额 … 签约 … | 原因 …] — 推进客户阶段 · /阶段 编号 — 查看阶段及记录',
  today: '/今日 — 今天要联系的客户',
  overdue: '/逾期 — 过了约定时间还没联系的客户',
  stalled: '/停滞 — 高意向但多日没有推进的客户',
  complaint: '/投诉 客户 订单号 问题描述 — 登记售后投诉，例如 /投诉 上海云启 SO-2024-017 设备无法开机',
  hours:
    '/工时 任务编号 完成于 时间 小时数 处理结果 — 填报工时，例如 /工时 T-12 完成于 今天16:30 3.5小时 已更换电源模块',
  tasks: '/我的任务 — 我手上未完成的售后任务（逾期的排在前面）',
  report:
    '/报表 [本周|上周|本月|上月|2026-11] [销售组] — 报表卡片（带图表），例如 /报表 上周 华东组 · /报表 渠道 · /报表 售后 · /报表 热力图',
  export:
    '/导出 跟进|线索|客户|订单|投诉|任务 [本周|上周|本月|上月|2026-11] [销售组] — 导出文件发到你的私聊，例如 /导出 跟进 本月',
  dashboard: '/看板 — 打开数据看板（私信发给你一个 10 分钟内有效的登录链接）',
  link: '/绑定 姓名 — 把你的聊天账号绑定到成员（需管理员批准）',
  member:
    '/成员 离职 姓名 交接给 接手人|公海 — 成员离职：线索交接、任务交给售后经理、令牌吊销、聊天账号解绑（管理员，先确认再执行）',
  token:
    '/令牌 — 我的 API 令牌 · /令牌 新建 名称 — 新建令牌（只显示一次）· /令牌 撤销 前缀或名称（只能在私聊中使用）',
  help: '/帮助 — 显示本说明',
};

const PLATFORM_NAMES: Readonly<Record<Platform, string>> = {
  slack: 'Slack ',
  dingtalk: '钉钉',
  wecom: '企业微信',
  sandbox: '沙盒',
};

const usage = (d: Readonly<Record<string, unknown>>): string => perCommand(COMMAND_HELP, d);

export const zhCN: Catalogue = {
  roles: {
    admin: '管理员',
    director: '销售总监',
    manager: '主管',
    rep: '销售',
    aftersales: '售后人员',
    aftersales_manager: '售后经理',
  },
  levels: { intern: '实习', junior: '新销售', senior: '资深销售' },
  errors: {
    ...followUpErrorsZhCN,
    ...afterSalesErrorsZhCN,
    ...complaintErrorsZhCN,
    ...dashboardErrorsZhCN,
    ...stageErrorsZhCN,
    ...orderErrorsZhCN,
    ...exportErrorsZhCN,
    ...offboardingTextsZhCN.errors,
    ...tokenTextsZhCN.errors,
    VALIDATION_FAILED: (d) => `输入有误：${field(d)}`,
    NOT_FOUND: () => '没有找到要操作的记录。',
    CONFLICT: () => '记录已被他人修改，请刷新后重试。',
    PAYLOAD_TOO_LARGE: () => '内容太大，请拆分后再提交。',
    UNSUPPORTED_MEDIA_TYPE: () => '请求体请用 JSON 格式（UTF-8 编码）发送，并在 Content-Type 中注明。',
    ORG_NOT_FOUND: () => '没有找到这个企业，请联系管理员。',
    TEAM_NOT_FOUND: () => '没有找到这个销售组。',
    MEMBER_NOT_FOUND: () => '没有找到这位成员。',
    MEMBER_INACTIVE: () => '该成员已停用。',
    // The permission's code stays in the details for the API and the log; a person is told what to do about it.
    FORBIDDEN: () => '你没有权限执行此操作，请联系管理员或主管。',
    UNAUTHENTICATED: () => '缺少或无效的 API 令牌。',
    IDENTITY_NOT_LINKED: () =>
      '你的账号还没有绑定到 Leadrelay 成员。发送「/绑定 你的姓名」申请绑定，管理员批准后即可使用。',
    LEAD_NOT_FOUND: () => '没有找到这条线索，请检查编号。',
    LEAD_ALREADY_CLAIMED: (d) => `手慢了，这条线索已被${String(d.ownerName || '他人')}领取。`,
    LEAD_ASSIGNED_TO_OTHER: (d) =>
      `这条线索已分配给${String(d.ownerName || '其他同事')}，只有他/她可以领取。`,
    LEAD_IS_DUPLICATE: () => '这是一条重复线索（撞单），不能领取；请联系原线索的负责人。',
    LEAD_NOT_YOURS: (d) =>
      d.action === 'follow_up'
        ? '这条线索不是你负责的，只有负责人才能记录跟进。'
        : '只有线索的负责人才能释放它。',
    LEAD_NOT_IN_YOUR_TEAM: () => '这条公海线索属于其他销售组，你不能领取。',
    INTERN_IMPORTANT_LEAD: () => '实习成员不能认领重要线索。',
    PRIVATE_POOL_FULL: (d) => `你的私海已满（上限 ${String(d.capacity ?? '')} 条），请先跟进或释放一些线索。`,
    BATCH_TOO_LARGE: (d) =>
      `一次最多提交 ${String(d.max ?? 1000)} 条线索（本次 ${String(d.got ?? '')} 条），请分批提交。`,
    IDEMPOTENCY_KEY_REUSED: (d) =>
      `这个${d.matchedOn === 'externalId' ? '来源 + externalId' : 'Idempotency-Key'}已用于另一条内容不同的线索（${String(d.leadId ?? '')}）；新线索请换一个新的键，重试请发送完全相同的内容。`,
    POOL_CLAIM_LIMIT: (d) =>
      `今天从公海领取的线索已达上限（${String(d.limit ?? '')} 条），${when(d, 'zh-CN')}后可再领取。`,
    CLAIM_COOLDOWN: (d) => `你刚释放或失去这条线索，${when(d, 'zh-CN')}之前不能再领取。`,
    LEAD_NOT_RELEASABLE: () => '这条线索正在等待总监审批，暂不能操作。',
    RELEASE_NOT_PENDING: () => '这条回流申请已经处理过了。',
    NOT_A_CANDIDATE: () => '所选成员不在可分配名单中，请从卡片上的按钮中选择。',
    UNKNOWN_COMMAND: (d) => `不认识的命令「${String(d.command ?? '')}」。发送 /帮助 查看可用命令。`,
    UNKNOWN_ACTION: () => '这个按钮已失效，请刷新卡片。',
    BAD_COMMAND_ARGS: (d) => `命令格式不对。${usage(d)}`,
    ASSIGNEE_NOT_ELIGIBLE: (d) =>
      `${String(d.name ?? '')} 现在不能接收这条线索：${leadTextsZhCN.skipReasons[d.why as keyof typeof leadTextsZhCN.skipReasons] ?? ''}。`,
  },
  memberStatus: {
    title: '我的状态',
    greeting: (name) => `你好，${name}！我是 Leadrelay，会把新线索推送给你，并提醒你按时跟进。`,
    team: '销售组',
    level: '等级',
    dailyCap: '每日配额',
    status: '状态',
    available: '在岗，可接收线索',
    onLeave: '休假中，暂停分配线索',
    goOnLeave: '我要休假',
    backToWork: '我已回岗',
    noTeam: '未分组',
    role: '角色',
    roleGreeting: (name, roles) =>
      `你好，${name}！我是 Leadrelay。你的角色是${roles}，不接收分配的线索；与你有关的审批、提醒和通知会发到这里。发送 /帮助 查看命令。`,
  },
  help: {
    title: 'Leadrelay 命令',
    intro: '在对话框输入以下命令（斜杠可省略）：',
    commands: COMMAND_HELP,
    aliasesNote: '英文命令同样可用：/lead /pool /followup /complaint /hours /report /help',
  },
  lead: leadTextsZhCN,
  afterSales: afterSalesTextsZhCN,
  complaintChat: complaintChatTextsZhCN,
  charts: chartTextsZhCN,
  taskChat: taskChatTextsZhCN,
  dashboard: dashboardTextsZhCN,
  stage: stageTextsZhCN,
  plan: planTextsZhCN,
  report: reportTextsZhCN,
  exports: exportChatTextsZhCN,
  backups: backupTextsZhCN,
  offboarding: offboardingTextsZhCN,
  tokens: tokenTextsZhCN,
  followUps: followUpTextsZhCN,
  drafts: draftTextsZhCN,
  link: {
    title: '账号绑定申请',
    body: (member, platform, userId) =>
      `${PLATFORM_NAMES[platform as Platform] ?? platform}用户 ${userId} 申请绑定为成员「${member}」。确认是本人后再批准。`,
    approve: '批准绑定',
    reject: '拒绝',
    pending: '等待管理员处理',
    approved: (by) => `已批准（${by}）`,
    rejected: (by) => `已拒绝（${by}）`,
    welcome: (name) => `${name}，你的账号已绑定，可以开始使用 Leadrelay 了。发送 /帮助 查看命令。`,
    requested: (name) => `已把绑定为「${name}」的申请发给管理员，批准后会通知你。`,
    done: '已处理。',
  },
  availabilityChanged: (onLeave) =>
    onLeave ? '已设为休假，期间不会给你分配新线索。' : '欢迎回来，已恢复分配线索。',
  somethingWentWrong: (reference) =>
    `出了点问题，请稍后重试。如果一直失败，请把编号 ${reference} 发给管理员。`,
};
