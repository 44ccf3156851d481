import type { ComplaintStatus, Priority, TaskStatus } from '../after-sales/index.js';
import type { AuditKind } from '../audit/index.js';
import type { FollowUpChannel, FollowUpStatus, Grade, LeadStatus } from '../leads/index.js';
import type { Locale, Platform } from '../org/index.js';
import { wallTimeOf } from '../shared/zoned-time.js';

// An export's cells are read by people in a spreadsheet: stored keys (`pooled`, `in_review`) become the words the
// chat shows for them, in the org's language. Kept here, not in chat/texts, because core may not import chat.

type Labels<K extends string> = Readonly<Record<Locale, Readonly<Record<K, string>>>>;

export const LEAD_STATUS_LABELS: Labels<LeadStatus> = {
  'zh-CN': { assigned: '已分配', claimed: '已领取', pooled: '公海', duplicate: '撞单' },
  en: { assigned: 'assigned', claimed: 'claimed', pooled: 'public pool', duplicate: 'duplicate' },
};

export const GRADE_LABELS: Labels<Grade> = {
  'zh-CN': { normal: '普通', important: '重要' },
  en: { normal: 'normal', important: 'important' },
};

export const FOLLOW_UP_STATUS_LABELS: Labels<FollowUpStatus> = {
  'zh-CN': { unfollowed: '未跟进', following: '跟进中' },
  en: { unfollowed: 'not followed up', following: 'following up' },
};

export const CHANNEL_LABELS: Labels<FollowUpChannel> = {
  'zh-CN': { phone: '电话', wechat: '微信', visit: '拜访', email: '邮件', other: '其他' },
  en: { phone: 'phone', wechat: 'WeChat', visit: 'visit', email: 'email', other: 'other' },
};

export const COMPLAINT_STATUS_LABELS: Labels<ComplaintStatus> = {
  'zh-CN': {
    unassigned: '待分配',
    assigned: '已分配',
    in_progress: '处理中',
    in_review: '待审核',
    resolved: '已解决',
    closed: '已关闭',
    reopened: '重新打开',
  },
  en: {
    unassigned: 'unassigned',
    assigned: 'assigned',
    in_progress: 'in progress',
    in_review: 'in review',
    resolved: 'resolved',
    closed: 'closed',
    reopened: 'reopened',
  },
};

export const TASK_STATUS_LABELS: Labels<TaskStatus> = {
  'zh-CN': {
    open: '待处理',
    in_progress: '处理中',
    paused: '已暂停',
    in_review: '待审核',
    approved: '已完成',
  },
  en: {
    open: 'open',
    in_progress: 'in progress',
    paused: 'paused',
    in_review: 'in review',
    approved: 'approved',
  },
};

export const PRIORITY_LABELS: Labels<Priority> = {
  'zh-CN': { urgent: '紧急', high: '高', normal: '普通', low: '低' },
  en: { urgent: 'urgent', high: 'high', normal: 'normal', low: 'low' },
};

/** What an audit entry's change was, as the audit export names it. */
export const AUDIT_KIND_LABELS: Labels<AuditKind> = {
  'zh-CN': {
    'settings.update': '修改企业设置',
    'routing.update': '修改分配规则',
    'scoring.update': '修改评分规则',
    'team.update': '修改销售组',
    'member.identities': '修改成员聊天账号绑定',
    'member.roles': '修改成员角色',
    'member.availability': '修改成员接单状态',
    'member.leave': '成员离职交接',
    'token.create': '创建接口令牌',
    'token.revoke': '吊销接口令牌',
    'lead.assign': '分配线索',
    'lead.reassign': '改派线索',
    'lead.bulk_assign': '批量分配线索',
    'customer.stage': '变更客户阶段',
    'lead.approval': '审批线索回流',
    'task.approval': '审核工时',
    'complaint.assign': '分配投诉',
    'export.run': '导出数据',
    'backup.make': '备份数据库',
    'backup.restore': '恢复备份',
    'backup.drill': '备份演练',
  },
  en: {
    'settings.update': 'settings changed',
    'routing.update': 'routing rules changed',
    'scoring.update': 'scoring rules changed',
    'team.update': 'team changed',
    'member.identities': 'chat accounts linked',
    'member.roles': 'roles changed',
    'member.availability': 'availability changed',
    'member.leave': 'member offboarded',
    'token.create': 'API token created',
    'token.revoke': 'API token revoked',
    'lead.assign': 'lead assigned',
    'lead.reassign': 'lead reassigned',
    'lead.bulk_assign': 'leads assigned in bulk',
    'customer.stage': 'customer stage changed',
    'lead.approval': 'release decided',
    'task.approval': 'hours decided',
    'complaint.assign': 'complaint assigned',
    'export.run': 'export',
    'backup.make': 'backup',
    'backup.restore': 'restore',
    'backup.drill': 'restore drill',
  },
};

/** From where an audited change came (an entry's `via`), and who "the system" is, as the audit export names them. */
export const AUDIT_ORIGIN_LABELS: Labels<Platform | 'api' | 'job' | 'cli' | 'system'> = {
  'zh-CN': {
    slack: 'Slack',
    dingtalk: '钉钉',
    wecom: '企业微信',
    sandbox: '沙盒',
    api: '接口',
    job: '定时任务',
    cli: '命令行',
    system: '系统',
  },
  en: {
    slack: 'Slack',
    dingtalk: 'DingTalk',
    wecom: 'WeCom',
    sandbox: 'sandbox',
    api: 'API',
    job: 'scheduled job',
    cli: 'command line',
    system: 'system',
  },
};

export const YES_NO: Readonly<Record<Locale, { readonly yes: string; readonly no: string }>> = {
  'zh-CN': { yes: '是', no: '否' },
  en: { yes: 'yes', no: 'no' },
};

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as the org reads it: `2026-11-03 14:05` in its time zone (a spreadsheet sorts this text right). */
export function formatAt(at: Date | undefined, timeZone: string): string | undefined {
  if (!at) return undefined;
  const w = wallTimeOf(at, timeZone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}`;
}

/** The calendar day of an instant in the zone: `2026-11-03`. */
export function formatDay(at: Date, timeZone: string): string {
  const w = wallTimeOf(at, timeZone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}`;
}
