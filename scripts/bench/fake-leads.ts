// Realistic, distinct leads for the bench: every lead has its own phone, email and company key, so none is a
// duplicate (撞单) of another and every one goes the routing path.

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '磊',
  '洋',
  '艳',
  '勇',
  '军',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀英',
  '建华',
  '晓东',
];
const REGIONS = ['上海', '江苏', '北京', '广东'] as const;
const SOURCES = ['website', 'ad', 'api', 'event'] as const;
const PRODUCTS = ['CRM', 'ERP', '智能客服', '数据平台'];
const INDUSTRIES = ['科技', '贸易', '制造', '信息技术', '咨询'];
// Trade names are the index written in this alphabet, so two leads never share a company key.
const TRADE = '华信达通恒瑞鑫宏泰盛安博';
const INTENTS = ['想了解报价', '需要演示', '咨询私有化部署', '比较几家供应商', ''];

export type FakeLead = {
  name: string;
  phone: string;
  source: string;
  region: string;
  productLine: string;
  email?: string;
  company?: string;
  intent?: string;
  campaign?: string;
  tags: string[];
};

/** The i-th lead of the run (i unique across the run gives unique phones, emails and companies). */
export function fakeLead(i: number): FakeLead {
  const pick = <T>(list: readonly T[], salt: number) => list[(i * 7 + salt) % list.length]!;
  const source = SOURCES[i % SOURCES.length]!;
  const region = REGIONS[Math.floor(i / SOURCES.length) % REGIONS.length]!;
  const intent = pick(INTENTS, 3);
  return {
    name: `${pick([...SURNAMES], 1)}${pick(GIVEN, 2)}`,
    phone: phoneOf(i),
    source,
    region,
    productLine: pick(PRODUCTS, 4),
    tags: i % 5 === 0 ? ['展会'] : [],
    ...(i % 4 === 1 ? { email: `lead${i}@example.cn` } : {}),
    ...(i % 3 === 0 ? { company: `${region}${tradeName(i)}${pick(INDUSTRIES, 5)}有限公司` } : {}),
    ...(intent ? { intent } : {}),
    ...(source === 'ad' ? { campaign: `双十一-${i % 6}` } : {}),
  };
}

export const fakeLeads = (from: number, count: number): FakeLead[] =>
  Array.from({ length: count }, (_, k) => fakeLead(from + k));

// 13 + nine digits: i × a number coprime with 10⁹, mod 10⁹, is a permutation: distinct i → distinct phone.
function phoneOf(i: number): string {
  const digits = (i * 7_919_113 + 12_345_678) % 1_000_000_000;
  return `13${String(digits).padStart(9, '0')}`;
}

function tradeName(i: number): string {
  let n = i;
  let out = '';
  do {
    out = TRADE[n % TRADE.length]! + out;
    n = Math.floor(n / TRADE.length);
  } while (n > 0);
  return out.padStart(4, TRADE[0]!);
}
