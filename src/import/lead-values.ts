// The source names (官网 → website) live in core, shared with the API: see core/leads/source-names.ts.
export { sourceSlug } from '../core/leads/index.js';

// Spreadsheet values in the words people type, turned into what LeadInput expects. A value none of these know is
// passed on as typed, so the schema names it in the rejected-rows report instead of it being guessed at.

const GRADES: Readonly<Record<string, string>> = {
  重要: 'important',
  important: 'important',
  普通: 'normal',
  normal: 'normal',
};

// Commas, semicolons and bars in both widths, and the enumeration comma 、 that Chinese lists use.
const TAG_SEPARATORS = /[,，;；|｜、]/;

const fold = (value: string) => value.normalize('NFKC').trim().toLowerCase();

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
