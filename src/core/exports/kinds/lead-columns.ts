import { FOLLOW_UP_STATUS_LABELS, formatAt, GRADE_LABELS, LEAD_STATUS_LABELS } from '../export-labels.js';
import type { ExportColumns } from '../export-types.js';

/** 线索: one row per lead, its contact (phone masked unless the reader may see it), routing and state. */
export const LEAD_COLUMNS: ExportColumns<'leads'> = [
  { key: 'code', header: { 'zh-CN': '线索编号', en: 'Lead code' }, cell: (l) => l.code ?? l.id },
  { key: 'name', header: { 'zh-CN': '联系人', en: 'Contact' }, cell: (l) => l.contact.name },
  { key: 'company', header: { 'zh-CN': '公司', en: 'Company' }, cell: (l) => l.contact.company },
  { key: 'phone', header: { 'zh-CN': '电话', en: 'Phone' }, cell: (l, c) => c.phone(l.contact.phone) },
  { key: 'email', header: { 'zh-CN': '邮箱', en: 'Email' }, cell: (l) => l.contact.email },
  { key: 'wechat', header: { 'zh-CN': '微信', en: 'WeChat' }, cell: (l) => l.contact.wechat },
  { key: 'source', header: { 'zh-CN': '来源', en: 'Source' }, cell: (l) => l.source },
  { key: 'campaign', header: { 'zh-CN': '活动', en: 'Campaign' }, cell: (l) => l.campaign },
  { key: 'region', header: { 'zh-CN': '地区', en: 'Region' }, cell: (l) => l.region },
  { key: 'productLine', header: { 'zh-CN': '产品线', en: 'Product line' }, cell: (l) => l.productLine },
  { key: 'intent', header: { 'zh-CN': '意向', en: 'Intent' }, cell: (l) => l.intent },
  { key: 'tags', header: { 'zh-CN': '标签', en: 'Tags' }, cell: (l) => l.tags.join('; ') || undefined },
  { key: 'score', header: { 'zh-CN': '评分', en: 'Score' }, cell: (l) => l.score },
  { key: 'grade', header: { 'zh-CN': '等级', en: 'Grade' }, cell: (l, c) => GRADE_LABELS[c.locale][l.grade] },
  {
    key: 'status',
    header: { 'zh-CN': '状态', en: 'Status' },
    cell: (l, c) => LEAD_STATUS_LABELS[c.locale][l.status],
  },
  { key: 'stage', header: { 'zh-CN': '客户阶段', en: 'Stage' }, cell: (l) => l.stage?.name ?? l.stage?.key },
  { key: 'team', header: { 'zh-CN': '团队', en: 'Team' }, cell: (l, c) => c.teamName(l.teamId) },
  {
    key: 'owner',
    header: { 'zh-CN': '负责人', en: 'Owner' },
    cell: (l, c) => c.memberName(l.ownerId) ?? l.ownerName,
  },
  {
    key: 'followUpStatus',
    header: { 'zh-CN': '跟进状态', en: 'Follow-up status' },
    cell: (l, c) => (l.followUpStatus ? FOLLOW_UP_STATUS_LABELS[c.locale][l.followUpStatus] : undefined),
  },
  {
    key: 'lastFollowUpAt',
    header: { 'zh-CN': '最近跟进', en: 'Last follow-up' },
    cell: (l, c) => formatAt(l.lastFollowUp?.at, c.timeZone),
  },
  {
    key: 'nextContactAt',
    header: { 'zh-CN': '下次联系', en: 'Next contact' },
    cell: (l, c) => formatAt(l.plan?.nextContactAt, c.timeZone),
  },
  {
    key: 'assignedAt',
    header: { 'zh-CN': '分配时间', en: 'Assigned at' },
    cell: (l, c) => formatAt(l.assignedAt, c.timeZone),
  },
  {
    key: 'createdAt',
    header: { 'zh-CN': '创建时间', en: 'Created at' },
    cell: (l, c) => formatAt(l.createdAt, c.timeZone),
  },
];
