import type { Locale } from '../../core/org/types.js';
import type { Catalogue } from './catalogue.js';
import { en } from './en.js';
import { zhCN } from './zh-cn.js';

const CATALOGUES: Readonly<Record<Locale, Catalogue>> = { 'zh-CN': zhCN, en };

export function textsFor(locale: Locale): Catalogue {
  return CATALOGUES[locale];
}
