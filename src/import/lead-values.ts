// Spreadsheet values in the words people type, turned into what LeadInput expects. A value none of these know is
// passed on as typed, so the schema names it in the rejected-rows report instead of it being guessed at.

const SOURCE_SLUGS: Readonly<Record<string, string>> = {
  官网: 'website',
  官方网站: 'website',
  网站: 'website',
  广告: 'ad',
  活动: 'event',
  展会: 'event',
  微信: 'wechat',
  公众号: 'wechat',
  小程序: 'miniprogram',
  导入: 'import',
  接口: 'api',
};

const GRADES: Readonly<Record<string, string>> = {
  重要: 'important',
  important: 'important',
  普通: 'normal',
  normal: 'normal',
};

// Commas, semicolons and bars in both widths, and the enumeration comma 、 that Chinese lists use.
const TAG_SEPARATORS = /[,，;；|｜、]/;

const fold = (value: string) => value.normalize('NFKC').trim().toLowerCase();

/** 官网 → website, 展会 → event, … ; a slug such as "API" or "website" is left for the schema to lower-case. */
export function sourceSlug(value: string): string {
  return SOURCE_SLUGS[fold(value)] ?? value.trim();
}

/** 重要/important → important, 普通/normal → normal. */
export function gradeValue(value: string): string {
  return GRADES[fold(value)] ?? value.trim();
}

/** "VIP，华东; 复购" → ["VIP", "华东", "复购"]: empty pieces and repeats dropped. */
export function splitTags(value: string): string[] {
  const tags = value
    .split(TAG_SEPARATORS)
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '');
  return [...new Set(tags)];
}
