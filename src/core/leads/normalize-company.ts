// One key per customer company for de-duplication. A Chinese registered name is built as
// region + trade name + industry + legal form (上海 + 华为 + 技术 + 有限公司), with the region sometimes moved into
// brackets (华为技术（上海）有限公司) or after the name as a branch (华为技术有限公司上海分公司). The key keeps
// trade name + industry: 华为技术. English names keep their words without legal form: huaweitechnologies.
//
// Trade-off of the leading-region rule: the region is dropped only when at least MIN_NAME_AFTER_REGION characters
// follow it and they do not end in an institution word (银行, 大学, 医院 …). So 上海银行 stays apart from 北京银行
// and 上海交通大学 from 西安交通大学, and 上海汽车 stays 上海汽车. The price: a name that is only region + a 2-character
// trade name without industry (上海华为有限公司) keeps its region and does not match 华为有限公司; registered names
// nearly always carry an industry word, so that case is rare. Region + generic industry words (北京电子科技 vs
// 上海电子科技) still collapse to one key, so a company-key match alone should flag a possible duplicate, not merge.

const BRACKETED = /[([【〔][^()[\]【】〔〕]*[)\]】〕]/g;
const EDGE_NOISE = /^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu;
const ALL_NOISE = /[\s\p{P}\p{S}]+/gu;

// Matched after lower-casing and only as whole words, so "Zinc" keeps its "inc" and "Costco" its "co".
const ENGLISH_LEGAL_FORM =
  /[\s,.&]+(?:co[\s.,]*ltd|company[\s.,]*limited|limited|ltd|incorporated|inc|corporation|corp|llc|plc|pte|gmbh|ag|group|company|co)$/;
// Longest first, so 股份有限公司 goes as one piece instead of leaving 股份.
const CHINESE_LEGAL_FORMS = [
  '集团股份有限公司',
  '股份有限公司',
  '有限责任公司',
  '集团有限公司',
  '有限公司',
  '分公司',
  '总公司',
  '集团',
  '公司',
  '股份',
] as const;

// Written as one string each because a list of 80 short literals formats into 80 lines.
const MUNICIPALITIES_AND_PROVINCES =
  '北京 上海 天津 重庆 河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 海南 四川 贵州 云南 陕西 甘肃 青海 台湾 内蒙古 广西 西藏 宁夏 新疆 香港 澳门';
const CITIES =
  '广州 深圳 杭州 南京 苏州 成都 武汉 西安 宁波 厦门 青岛 大连 沈阳 长沙 郑州 济南 合肥 福州 无锡 东莞 佛山 珠海 长春 哈尔滨 昆明 南昌 石家庄 太原 南宁 贵阳 兰州 海口 温州 常州 嘉兴 绍兴 中山 惠州 烟台 泉州 徐州 南通';
// Longest first so 黑龙江 wins over a shorter match. 市 is not taken when it starts 市政/市场 (上海市政工程).
const REGIONS = `${MUNICIPALITIES_AND_PROVINCES} ${CITIES}`
  .split(' ')
  .sort((a, b) => b.length - a.length)
  .join('|');
const LEADING_REGION = new RegExp(`^(?:${REGIONS})(?:省|市(?![政场]))?`);
// A branch named after the parent: 华为技术有限公司上海分公司 is the same customer as 华为技术有限公司.
const BRANCH = new RegExp(`(?:(?:${REGIONS})(?:省|市)?)?(?:分公司|办事处|分行|分部|分厂)$`);
// Where these end the name, the region in front is the identity (上海银行 ≠ 北京银行, 上海交通大学 ≠ 西安交通大学).
// 院 covers 医院, 学院, 研究院, 设计总院 ….
const REGION_IS_IDENTITY =
  /(?:银行|农商行|信用社|大学|学校|中学|小学|院|研究所|证券|保险|电视台|日报|报社|海关|政府|机场|地铁|港务|电力|燃气|水务|铁路局|图书馆|博物馆)$/;
const MIN_NAME_AFTER_REGION = 3;

export function normalizeCompany(raw: string): string | undefined {
  const text = withoutBrackets(raw.normalize('NFKC').toLowerCase());
  const key = withoutLeadingRegion(withoutLegalForms(text).replace(ALL_NOISE, ''));
  return key === '' ? undefined : key;
}

// Bracketed parts are region or branch markers ((上海), 【北京】, (China)). Innermost first, for nested brackets.
function withoutBrackets(text: string): string {
  let current = text;
  for (let previous = ''; previous !== current; ) {
    previous = current;
    current = current.replace(BRACKETED, ' ');
  }
  // A name that is nothing but a bracket ("（华为）") keeps its content rather than vanishing.
  return current.replace(ALL_NOISE, '') === '' ? text : current;
}

// Legal forms stack ("Foo Group Co., Ltd.", 华为集团有限公司), so strip until nothing more comes off. A name that is
// only a legal form (公司, 上海分公司) ends empty and gets no key, so it cannot match other such leads.
function withoutLegalForms(text: string): string {
  let current = text.replace(EDGE_NOISE, '');
  for (let previous = ''; previous !== current; ) {
    previous = current;
    current = stripOnce(current).replace(EDGE_NOISE, '');
  }
  return current;
}

function stripOnce(text: string): string {
  const english = text.replace(ENGLISH_LEGAL_FORM, '');
  if (english !== text) return english;
  const branch = text.replace(BRANCH, '');
  if (branch !== text) return branch;
  const suffix = CHINESE_LEGAL_FORMS.find((form) => text.endsWith(form));
  return suffix === undefined ? text : text.slice(0, -suffix.length);
}

function withoutLeadingRegion(name: string): string {
  const rest = name.replace(LEADING_REGION, '');
  if (rest === name || [...rest].length < MIN_NAME_AFTER_REGION || REGION_IS_IDENTITY.test(rest)) return name;
  // Province then city (广东省深圳市腾讯…): each level goes under the same conditions.
  return withoutLeadingRegion(rest);
}
