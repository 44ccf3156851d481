import type { Locale } from '../org/index.js';

/**
 * What can be exported; `audit` is the audit trail (admins only, as GET /api/v1/audit). A kind added here without
 * its names below, its columns (export-registry.ts) and its scope (export-scope.ts) does not compile.
 */
export const EXPORT_KINDS = [
  'leads',
  'follow-ups',
  'customers',
  'orders',
  'complaints',
  'tasks',
  'audit',
] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const isExportKind = (value: string): value is ExportKind =>
  (EXPORT_KINDS as readonly string[]).includes(value);

/**
 * A kind's names per language: `word` is what people type (`/export 跟进 本月`), `title` names the file
 * (跟进记录-2026-11.csv) and the chat's replies. `aliases` are further words a command grammar may accept.
 */
export type ExportKindName = {
  readonly word: string;
  readonly title: string;
  readonly aliases: readonly string[];
};

export const EXPORT_KIND_NAMES: Readonly<Record<ExportKind, Readonly<Record<Locale, ExportKindName>>>> = {
  leads: {
    'zh-CN': { word: '线索', title: '线索', aliases: [] },
    en: { word: 'leads', title: 'leads', aliases: ['lead'] },
  },
  'follow-ups': {
    'zh-CN': { word: '跟进', title: '跟进记录', aliases: ['跟进记录'] },
    en: { word: 'follow-ups', title: 'follow-ups', aliases: ['follow-up', 'followups'] },
  },
  customers: {
    'zh-CN': { word: '客户', title: '客户', aliases: [] },
    en: { word: 'customers', title: 'customers', aliases: ['customer'] },
  },
  orders: {
    'zh-CN': { word: '订单', title: '订单', aliases: [] },
    en: { word: 'orders', title: 'orders', aliases: ['order'] },
  },
  complaints: {
    'zh-CN': { word: '投诉', title: '投诉', aliases: ['客户投诉'] },
    en: { word: 'complaints', title: 'complaints', aliases: ['complaint'] },
  },
  tasks: {
    'zh-CN': { word: '任务', title: '任务单', aliases: ['任务单', '工时'] },
    en: { word: 'tasks', title: 'tasks', aliases: ['task', 'hours'] },
  },
  audit: {
    'zh-CN': { word: '审计', title: '审计日志', aliases: ['审计日志', '操作日志'] },
    en: { word: 'audit', title: 'audit-trail', aliases: ['audit-trail', 'audit-log'] },
  },
};

/** The kind a typed word names, in either language (`跟进`, `follow-ups`, `Leads`); undefined if none. */
export function exportKindOfWord(word: string): ExportKind | undefined {
  const typed = word.trim().toLowerCase();
  return EXPORT_KINDS.find((kind) =>
    Object.values(EXPORT_KIND_NAMES[kind]).some(
      (name) => name.word === typed || name.aliases.includes(typed) || kind === typed,
    ),
  );
}
