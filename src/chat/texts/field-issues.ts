import type { Locale } from '../../core/org/types.js';
import type { FieldIssue, FieldProblem } from '../../core/shared/errors.js';

type Wording = {
  readonly problem: (p: FieldProblem) => string;
  readonly names: Readonly<Record<string, string>>;
  readonly row: (n: number, name: string) => string;
  readonly join: string;
};

const UNIT_ZH = { text: '个字', number: '', list: '项' } as const;

const ZH: Wording = {
  problem: (p) => {
    switch (p.kind) {
      case 'required':
        return '必填';
      case 'too_small':
        return p.of === 'number' ? `不能小于 ${p.minimum}` : `至少 ${p.minimum} ${UNIT_ZH[p.of]}`;
      case 'too_big':
        return p.of === 'number' ? `不能大于 ${p.maximum}` : `最多 ${p.maximum} ${UNIT_ZH[p.of]}`;
      case 'unknown_field':
        return '不认识这个字段';
      case 'unsafe_text':
        return '含有控制字符或双向格式字符，不能保存';
      case 'not_one_of':
        return `只能是 ${p.allowed.join('、')} 之一`;
      default:
        return '格式不对';
    }
  },
  names: {
    reason: '原因',
    text: '内容',
    name: '联系人',
    phone: '手机',
    email: '邮箱',
    wechat: '微信',
    company: '公司',
    region: '地区',
    productLine: '产品线',
    source: '来源',
    campaign: '活动',
    intent: '需求',
    tags: '标签',
    leads: '线索',
  },
  row: (n, name) => `第 ${n} 条线索的${name}`,
  join: '；',
};

const EN: Wording = {
  problem: (p) => {
    switch (p.kind) {
      case 'required':
        return 'required';
      case 'too_small':
        return p.of === 'number'
          ? `at least ${p.minimum}`
          : `at least ${p.minimum} ${p.of === 'text' ? 'characters' : 'items'}`;
      case 'too_big':
        return p.of === 'number'
          ? `at most ${p.maximum}`
          : `at most ${p.maximum} ${p.of === 'text' ? 'characters' : 'items'}`;
      case 'unknown_field':
        return 'unknown field';
      case 'unsafe_text':
        return 'contains control or bidirectional formatting characters';
      case 'not_one_of':
        return `one of ${p.allowed.join(', ')}`;
      default:
        return 'not valid';
    }
  },
  names: {},
  row: (n, name) => `lead ${n}, ${name}`,
  join: '; ',
};

/**
 * "原因：至少 2 个字" from `{ field: '(body)', problem: { kind: 'too_small', … } }`: the field by its name in the
 * reader's language where one is known (a whole-body problem names no field), the problem from its data. An issue
 * without data (an older rule) falls back to its message in English readers' text and to "格式不对" in Chinese.
 */
export function describeIssues(details: Readonly<Record<string, unknown>>, locale: Locale): string {
  const issues = (details.issues as readonly FieldIssue[] | undefined) ?? [];
  const w = locale === 'zh-CN' ? ZH : EN;
  return issues
    .map((i) => {
      const label = fieldLabel(i.field, w);
      const problem = i.problem
        ? w.problem(i.problem)
        : locale === 'en'
          ? i.message
          : w.problem({ kind: 'other' });
      return label ? `${label}${locale === 'zh-CN' ? '：' : ': '}${problem}` : problem;
    })
    .join(w.join);
}

function fieldLabel(field: string, w: Wording): string {
  if (field === '(body)') return '';
  const row = /^leads\.(\d+)\.(.+)$/.exec(field);
  if (row) return w.row(Number(row[1]) + 1, w.names[row[2]!] ?? row[2]!);
  return w.names[field] ?? field;
}
