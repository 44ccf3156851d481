import type { AuditFields, StoredAuditEntry } from '../../audit/index.js';
import { AUDIT_KIND_LABELS, AUDIT_ORIGIN_LABELS, formatAt } from '../export-labels.js';
import type { Cell, ExportColumns, RowContext } from '../export-types.js';

/**
 * From where, as one word: the chat platform, the API, a scheduled job or the command line. The job's or the
 * script's own name is an internal code (`backups.daily`) and stays out of the cell; `details` keeps what matters.
 */
function originOf(entry: StoredAuditEntry, c: RowContext): string {
  const labels = AUDIT_ORIGIN_LABELS[c.locale];
  const { via } = entry;
  if (via.platform) return labels[via.platform];
  if (via.cli || via.script) return labels.cli;
  if (via.job) return labels.job;
  if (via.api) return labels.api;
  return labels.system;
}

/** Who, by name as recorded then: the member, else the API token, the OS user at the command line, or the system. */
function actorOf(entry: StoredAuditEntry, c: RowContext): string {
  const { actor } = entry;
  return (
    actor.name ?? actor.tokenName ?? AUDIT_ORIGIN_LABELS[c.locale][actor.kind === 'cli' ? 'cli' : 'system']
  );
}

/** Before, after and details as compact JSON text (one cell a spreadsheet shows whole; dates as ISO instants). */
const json = (fields: AuditFields | undefined): Cell =>
  fields === undefined ? undefined : JSON.stringify(fields);

/** 审计日志: one row per audit entry, oldest first, in the reader's language; values as stored (typed as typed). */
export const AUDIT_COLUMNS: ExportColumns<'audit'> = [
  { key: 'at', header: { 'zh-CN': '时间', en: 'Time' }, cell: (e, c) => formatAt(e.at, c.timeZone) },
  { key: 'actor', header: { 'zh-CN': '操作人', en: 'Actor' }, cell: actorOf },
  { key: 'origin', header: { 'zh-CN': '来源', en: 'Origin' }, cell: originOf },
  { key: 'token', header: { 'zh-CN': '接口令牌', en: 'API token' }, cell: (e) => e.actor.tokenName },
  {
    key: 'kind',
    header: { 'zh-CN': '操作', en: 'Change' },
    cell: (e, c) => AUDIT_KIND_LABELS[c.locale][e.kind] ?? e.kind,
  },
  { key: 'target', header: { 'zh-CN': '对象', en: 'Target' }, cell: (e) => e.target.label ?? e.target.id },
  { key: 'before', header: { 'zh-CN': '修改前', en: 'Before' }, cell: (e) => json(e.before) },
  { key: 'after', header: { 'zh-CN': '修改后', en: 'After' }, cell: (e) => json(e.after) },
  { key: 'details', header: { 'zh-CN': '详情', en: 'Details' }, cell: (e) => json(e.details) },
];
