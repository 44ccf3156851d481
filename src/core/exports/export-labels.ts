import type { ComplaintStatus, Priority, TaskStatus } from '../after-sales/index.js';
import type { FollowUpChannel, FollowUpStatus, Grade, LeadStatus } from '../leads/index.js';
import type { Locale } from '../org/index.js';
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
