import type { LeadInput } from '../core/leads/lead-input.js';
import {
  type HeaderPlan as GenericHeaderPlan,
  headerTable,
  normalizeHeader,
  planHeadersBy,
} from './header-plan.js';

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

const LEADS = headerTable(ALIASES, MERGED_FIELDS);

export { normalizeHeader } from './header-plan.js';
export type HeaderPlan = GenericHeaderPlan<LeadField>;

/** The LeadInput field a column header means, English or Chinese; undefined for a column the import ignores. */
export function headerField(header: string): LeadField | undefined {
  return LEADS.byAlias.get(normalizeHeader(header));
}

/** Which column feeds which lead field, with one warning per ignored column and per field fed by several columns. */
export const planHeaders = (headers: readonly string[]): HeaderPlan => planHeadersBy(LEADS, headers);
