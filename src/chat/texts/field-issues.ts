import type { Locale } from '../../core/org/types.js';
import type { FieldFormat, FieldIssue, FieldProblem } from '../../core/shared/errors.js';
import type { ImportProblem } from '../../import/import-error.js';
import { importTexts } from './import-texts.js';
import { orderFieldNamesZhCN } from './order-texts-zh-cn.js';
import { stageTextsZhCN } from './stage-texts-zh-cn.js';

type Wording = {
  /** `field` is the bad field's last name (`end`, `scoreMin`): an order is told by which value it concerns. */
  readonly problem: (p: FieldProblem, field: string, names: (field: string) => string) => string;
  readonly names: Readonly<Record<string, string>>;
  readonly row: (n: number, name: string) => string;
  readonly rule: (n: number, name: string) => string;
  readonly defaultRule: (name: string) => string;
  readonly join: string;
};

const UNIT_ZH = { text: '个字', number: '', list: '项' } as const;

// zod's type names, as a person reads them.
const TYPE_ZH: Readonly<Record<string, string>> = {
  string: '文字',
  number: '数字',
  int: '整数',
  boolean: '是或否',
  array: '列表',
  object: '一组字段',
};

const FORMAT_ZH: Readonly<Record<FieldFormat, string>> = {
  phone: '不是有效的手机号（7 到 15 位数字，可带 +86）',
  email: '不是有效的邮箱地址',
  source: '不认识的来源，请填 官网、广告、活动、展会、微信、小程序、导入 等来源名',
  time_zone: '不是有效的时区名称',
  time: '时间请写成 时:分，例如 09:30',
  date_time: '时间请写成 ISO 8601 格式并带时区，例如 2026-12-03T10:00:00+08:00',
  rule_id: '规则编号只能用小写字母、数字、- 或 _，最长 40 个字符',
  id: '不是有效的编号',
  other: '格式不对',
};

// Which value an order is about, by the field it is reported on.
const ORDER_ZH: Readonly<Record<string, string>> = {
  scoreMin: '不能高于最高评分',
  end: '必须晚于开始时间',
  managerAfterHours: '提醒、抄送主管、回流的时间必须依次增加',
};

const ZH: Wording = {
  problem: (p, field, names) => {
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
      case 'wrong_type':
        return `应为${TYPE_ZH[p.expected] ?? '其他类型'}`;
      case 'bad_format':
        return FORMAT_ZH[p.format];
      case 'one_of':
        return `${p.fields.map(names).join('、')}${p.exactly ? '只能填其中一项' : '至少填一项'}`;
      case 'no_such_team':
        return '本企业没有这个销售组';
      case 'not_in_team':
        return '不是这个销售组的成员';
      case 'duplicate':
        return '与已有的重复';
      case 'out_of_order':
        return ORDER_ZH[field] ?? '前后顺序不对';
      case 'in_the_past':
        return '不能是已经过去的时间';
      case 'too_far_ahead':
        return '最多只能定在一年以内';
      case 'import_file':
        return importTexts('zh-CN').problem(p.problem as ImportProblem);
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
    '(row)': '整行',
    '(file)': '文件',
    grade: '等级',
    externalId: '外部编号',
    teamId: '销售组',
    id: '规则编号',
    weights: '权重',
    scoreMin: '最低评分',
    timeZone: '时区',
    start: '开始时间',
    end: '结束时间',
    managerAfterHours: '抄送主管时间',
    channelId: '频道',
    managerId: '主管',
    codes: '线索编号',
    filter: '筛选条件',
    team: '销售组',
    members: '成员',
    // A follow-up record's fields (follow-ups/follow-up-input.ts).
    channel: '跟进方式',
    content: '跟进内容',
    outcome: '跟进结果',
    nextStep: '下一步',
    nextContactAt: '下次联系时间',
    outcomes: '跟进结果列表',
    ...stageTextsZhCN.fieldNames,
    ...orderFieldNamesZhCN,
  },
  row: (n, name) => `第 ${n} 条线索的${name}`,
  rule: (n, name) => `第 ${n} 条分配规则的${name}`,
  defaultRule: (name) => `默认规则的${name}`,
  join: '；',
};

const FORMAT_EN: Readonly<Record<FieldFormat, string>> = {
  phone: 'not a phone number (7–15 digits, optional +86)',
  email: 'not an email address',
  source:
    'a source name such as website, ad, event, wechat, miniprogram, import, api (or 官网, 广告, 活动 …)',
  time_zone: 'an IANA time zone such as Asia/Shanghai',
  time: 'a time as HH:MM',
  date_time: 'an ISO 8601 date and time with its offset, such as 2026-12-03T10:00:00+08:00',
  rule_id: 'a short id: lower-case letters, digits, - or _',
  id: 'not a valid id',
  other: 'not valid',
};

const ORDER_EN: Readonly<Record<string, string>> = {
  scoreMin: 'must not exceed scoreMax',
  end: 'must be after start',
  managerAfterHours: 'the ladder must climb: nudgeAfterHours < managerAfterHours < reclaimAfterHours',
};

const EN: Wording = {
  problem: (p, field, names) => {
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
      case 'wrong_type':
        return `expected ${p.expected}`;
      case 'bad_format':
        return FORMAT_EN[p.format];
      case 'one_of':
        return `give ${p.exactly ? 'exactly' : 'at least'} one of ${p.fields.map(names).join(', ')}`;
      case 'no_such_team':
        return 'no such team in this org';
      case 'not_in_team':
        return 'not a member of this team';
      case 'duplicate':
        return 'already taken';
      case 'out_of_order':
        return ORDER_EN[field] ?? 'out of order';
      case 'in_the_past':
        return 'a next contact in the past: give a time still ahead';
      case 'too_far_ahead':
        return 'at most a year ahead';
      case 'import_file':
        return importTexts('en').problem(p.problem as ImportProblem);
      default:
        return 'not valid';
    }
  },
  names: { nextContactAt: 'next contact time', nextStep: 'next step' },
  row: (n, name) => `lead ${n}, ${name}`,
  rule: (n, name) => `rule ${n}, ${name}`,
  defaultRule: (name) => `default rule, ${name}`,
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
      const names = (field: string) => w.names[field] ?? field;
      const last = i.field.split('.').at(-1) ?? '';
      const problem = i.problem
        ? w.problem(i.problem, last, names)
        : locale === 'en'
          ? i.message
          : w.problem({ kind: 'other' }, last, names);
      return label ? `${label}${locale === 'zh-CN' ? '：' : ': '}${problem}` : problem;
    })
    .join(w.join);
}

function fieldLabel(field: string, w: Wording): string {
  if (field === '(body)') return '';
  if (w.names[field]) return w.names[field];
  const row = /^(leads|rules)\.(\d+)\.(.+)$/.exec(field);
  if (row) return (row[1] === 'leads' ? w.row : w.rule)(Number(row[2]) + 1, nameOf(row[3]!, w));
  if (field.startsWith('default.')) return w.defaultRule(nameOf(field.slice('default.'.length), w));
  return nameOf(field, w);
}

/**
 * A field's name in the reader's language: its own, else its last part's (`businessHours.end` → 结束时间), else its
 * first part's with the rest as given (`weights.<member id>` → 权重 <member id>), else as given.
 */
function nameOf(field: string, w: Wording): string {
  const [first = '', ...rest] = field.split('.');
  const last = rest.at(-1) ?? first;
  if (w.names[field]) return w.names[field];
  if (w.names[last]) return w.names[last];
  if (w.names[first]) return `${w.names[first]} ${rest.join('.')}`;
  return field;
}

/** A field's name alone (`phone` → 手机), as the import report's field column shows it. */
export const fieldName = (field: string, locale: Locale): string =>
  fieldLabel(field, locale === 'zh-CN' ? ZH : EN) || field;
