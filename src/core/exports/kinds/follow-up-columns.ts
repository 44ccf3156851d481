import { CHANNEL_LABELS, formatAt } from '../export-labels.js';
import type { ExportColumns } from '../export-types.js';

/**
 * 跟进记录: the current version of each record (a correction is a new version; the export shows what the record
 * says now, with who corrected it and when, so nothing typed is lost from view). Content is exactly as typed.
 */
export const FOLLOW_UP_COLUMNS: ExportColumns<'follow-ups'> = [
  { key: 'recordId', header: { 'zh-CN': '记录编号', en: 'Record id' }, cell: (f) => f.recordId },
  { key: 'leadId', header: { 'zh-CN': '线索编号', en: 'Lead id' }, cell: (f) => f.leadId },
  { key: 'customerId', header: { 'zh-CN': '客户编号', en: 'Customer id' }, cell: (f) => f.customerId },
  { key: 'at', header: { 'zh-CN': '跟进时间', en: 'Time' }, cell: (f, c) => formatAt(f.at, c.timeZone) },
  {
    key: 'channel',
    header: { 'zh-CN': '跟进方式', en: 'Channel' },
    cell: (f, c) => CHANNEL_LABELS[c.locale][f.channel],
  },
  { key: 'content', header: { 'zh-CN': '跟进内容', en: 'Content' }, cell: (f) => f.content },
  {
    key: 'outcome',
    header: { 'zh-CN': '跟进结果', en: 'Outcome' },
    cell: (f, c) => c.outcomeName(f.outcome),
  },
  { key: 'nextStep', header: { 'zh-CN': '下一步', en: 'Next step' }, cell: (f) => f.nextStep },
  {
    key: 'nextContactAt',
    header: { 'zh-CN': '下次联系', en: 'Next contact' },
    cell: (f, c) => formatAt(f.nextContactAt, c.timeZone),
  },
  {
    key: 'author',
    header: { 'zh-CN': '跟进人', en: 'Author' },
    cell: (f, c) => c.memberName(f.authorId) ?? f.authorName,
  },
  {
    key: 'team',
    header: { 'zh-CN': '团队', en: 'Team' },
    cell: (f, c) => c.teamName(c.teamOfMember(f.authorId)),
  },
  { key: 'version', header: { 'zh-CN': '版本', en: 'Version' }, cell: (f) => f.version },
  {
    key: 'correctedAt',
    header: { 'zh-CN': '更正时间', en: 'Corrected at' },
    cell: (f, c) => formatAt(f.correctedAt, c.timeZone),
  },
  {
    key: 'correctedBy',
    header: { 'zh-CN': '更正人', en: 'Corrected by' },
    cell: (f, c) => (f.correctedById ? (c.memberName(f.correctedById) ?? f.correctedByName) : undefined),
  },
];
