// The Chinese names people give a lead's source, and the API name each stands for. One table for every way a lead
// comes in (the API, the importer's cells and its --source flag), so 官网 means `website` everywhere.
const SOURCE_NAMES: Readonly<Record<string, string>> = {
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

/** The source of a lead that names none: one sent to the API. */
export const DEFAULT_SOURCE = 'api';

const fold = (value: string) => value.normalize('NFKC').trim().toLowerCase();

/** 官网 → website, 展会 → event, … ; anything else (a slug such as "API" or "website") is left for the schema. */
export function sourceSlug(value: string): string {
  return Object.hasOwn(SOURCE_NAMES, fold(value)) ? SOURCE_NAMES[fold(value)]! : value.trim();
}
