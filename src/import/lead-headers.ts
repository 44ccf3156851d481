import type { LeadInput } from '../core/leads/lead-input.js';
import type { ImportWarning } from './import-error.js';

export type LeadField = keyof LeadInput;

// Keys are normalised as by normalizeHeader: lower-case, half-width, without spaces, "_", "-", "*" or ":".
const ALIASES: Readonly<Record<LeadField, readonly string[]>> = {
  name: ['name', '姓名', '联系人', '客户姓名', 'contactname', 'fullname'],
  phone: [
    'phone',
    'mobile',
    'tel',
    '手机',
    '手机号',
    '手机号码',
    '电话',
    '电话号码',
    '联系电话',
    'telephone',
  ],
  email: ['email', 'mail', '邮箱', '电子邮箱', '邮箱地址', '电子邮件'],
  company: ['company', '公司', '公司名称', '企业名称', '单位', 'companyname'],
  wechat: ['wechat', '微信', '微信号', 'weixin'],
  region: ['region', 'province', 'city', '地区', '区域', '省份', '城市'],
  productLine: ['productline', 'product', '产品线', '产品', '意向产品'],
  source: ['source', 'channel', '来源', '线索来源', '渠道'],
  campaign: ['campaign', '活动', '推广活动'],
  intent: ['intent', 'notes', 'note', '需求', '意向', '备注'],
  tags: ['tags', 'tag', '标签'],
  grade: ['grade', '等级'],
  externalId: ['externalid', 'id', '外部编号'],
  // A lead's own reclaim period is an admin's or director's call per lead, not a column of a bought list.
  reclaimAfterHours: [],
};

/** Fields whose columns are combined rather than chosen between: 需求 and 备注 both say what the customer wants. */
export const MERGED_FIELDS: ReadonlySet<LeadField> = new Set(['intent', 'tags']);

const BY_ALIAS: ReadonlyMap<string, LeadField> = new Map(
  (Object.entries(ALIASES) as [LeadField, readonly string[]][]).flatMap(([field, aliases]) =>
    aliases.map((alias) => [alias, field] as const),
  ),
);

/**
 * Folds the ways people write one header into one key: full-width to half-width (NFKC), case, spaces and the
 * separators of "E-mail", "external_id" or "*手机号：" (the star marks required columns in many templates).
 */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-*:]/g, '');
}

/** The LeadInput field a column header means, English or Chinese; undefined for a column the import ignores. */
export function headerField(header: string): LeadField | undefined {
  return BY_ALIAS.get(normalizeHeader(header));
}

export type HeaderPlan = {
  /** Each known header with its field, in the file's column order. */
  readonly columns: readonly { readonly header: string; readonly field: LeadField }[];
  readonly warnings: readonly ImportWarning[];
};

/** Which column feeds which field, with one warning per ignored column and per field fed by several columns. */
export function planHeaders(headers: readonly string[]): HeaderPlan {
  const columns: { header: string; field: LeadField }[] = [];
  const warnings: ImportWarning[] = [];
  for (const header of headers) {
    const field = headerField(header);
    if (field === undefined) warnings.push({ kind: 'ignored_column', header });
    else columns.push({ header, field });
  }
  for (const field of new Set(columns.map((c) => c.field))) {
    const cols = columns.filter((c) => c.field === field);
    if (cols.length < 2 || MERGED_FIELDS.has(field)) continue;
    warnings.push({ kind: 'same_field', headers: cols.map((c) => c.header), field });
  }
  return { columns, warnings };
}
