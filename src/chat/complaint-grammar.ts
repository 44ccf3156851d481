import type { Priority } from '../core/after-sales/index.js';

/**
 * The one-line complaint: `/投诉 上海云启 SO-2024-017 设备无法开机`, `/complaint Acme SO-1001 urgent won't start`.
 * - the order number: the word written as one (`SO-2024-017`, `ｓｏ－１００１`, `订单:SO-1001`), anywhere before
 *   the description or at its very end; a lead code (`L-1042`) names the customer (the customer of that won lead);
 * - the priority: 紧急 / 加急 / 高 / 普通 / 低, urgent / high / normal / low (also `【紧急】`, `优先级:高`), anywhere
 *   before the description or at its very end;
 * - the category: one of the org's list when it has one (as a word of its own), else `类别:物流`, `#物流`;
 * - the customer: `客户:…`, else the first other word (a quoted name keeps its spaces: `"Acme Corp"`);
 * - the description: what is left, exactly as typed (spacing and full-width characters kept).
 * Words are matched after NFKC (full-width letters, digits, colons and dashes read as their ASCII forms).
 */
export type ParsedComplaint = {
  /** As typed (quotes removed). */
  readonly customer?: string;
  /** Canonical: upper case, ASCII dashes. */
  readonly orderNumber?: string;
  readonly priority?: Priority;
  readonly category?: string;
  readonly description?: string;
  /**
   * The customer's word and the description together, as typed, when the customer's word came right before it: the
   * whole description if that word turns out to name no customer ("/投诉 SO-1001 设备无法开机": the order says who).
   */
  readonly customerAndDescription?: string;
};

export type ComplaintGrammarOptions = {
  /** The org's complaint categories, when its settings list them. */
  readonly categories?: readonly string[];
};

type Word = { readonly text: string; readonly norm: string; readonly from: number; readonly to: number };

type Part =
  | { readonly kind: 'order'; readonly value: string }
  | { readonly kind: 'priority'; readonly value: Priority }
  | { readonly kind: 'category'; readonly value: string }
  | { readonly kind: 'customer'; readonly value: string };

const PRIORITY_WORDS: Readonly<Record<string, Priority>> = {
  紧急: 'urgent',
  加急: 'urgent',
  特急: 'urgent',
  急: 'urgent',
  urgent: 'urgent',
  高: 'high',
  高优先级: 'high',
  优先: 'high',
  high: 'high',
  普通: 'normal',
  一般: 'normal',
  中: 'normal',
  normal: 'normal',
  medium: 'normal',
  低: 'low',
  不急: 'low',
  low: 'low',
};

/** Letters then digits, dashes or slashes between: SO-2024-017, HT2024001, PO/88-1. Never a lead code. */
const ORDER_NUMBER = /^[A-Z]{1,6}-?\d[\dA-Z]*(?:[-/][\dA-Z]+)*$/u;
const LEAD_CODE = /^L-?\d{1,12}$/u;
const LABEL = /^(客户|customer|订单号?|order|优先级|priority|类别|分类|类型|category)[:#]?(.*)$/iu;
const BRACKETS = /^[[(【（〔]|[\])】）〕]$/gu;

/** Reads the text after the command's name. */
export function parseComplaintLine(text: string, options: ComplaintGrammarOptions = {}): ParsedComplaint {
  const words = wordsOf(text);
  const found: { -readonly [K in Part['kind']]?: string } = {};
  const take = (part: Part | undefined): boolean => {
    if (!part || found[part.kind] !== undefined) return false;
    found[part.kind] = part.value;
    return true;
  };
  let start = 0;
  let customerWord: Word | undefined;
  // From the front: the parts the grammar knows, and the customer's word, until the description begins.
  for (; start < words.length; start++) {
    const word = words[start] as Word;
    if (take(partOf(word, options))) continue;
    if (found.customer !== undefined) break;
    found.customer = unquoted(word.text);
    customerWord = word;
  }
  // From the back: a priority, an order number or a category said after the description.
  let end = words.length;
  while (end > start && take(partOf(words[end - 1] as Word, options))) end--;
  const first = words[start];
  const last = words[end - 1];
  const description = first && last && start < end ? text.slice(first.from, last.to).trim() : undefined;
  const adjacent = customerWord !== undefined && (!first || words.indexOf(customerWord) === start - 1);
  const together =
    customerWord && adjacent
      ? text.slice(customerWord.from, (last && start < end ? last : customerWord).to).trim()
      : undefined;
  return {
    ...(found.customer ? { customer: found.customer } : {}),
    ...(found.order ? { orderNumber: found.order } : {}),
    ...(found.priority ? { priority: found.priority as Priority } : {}),
    ...(found.category ? { category: found.category } : {}),
    ...(description ? { description } : {}),
    ...(together ? { customerAndDescription: together } : {}),
  };
}

/** An order number as stored: NFKC, upper case, every kind of dash as `-`. */
export function canonicalOrderNumber(text: string): string | undefined {
  const value = text
    .normalize('NFKC')
    .trim()
    .replace(/[－–—―]/gu, '-')
    .toUpperCase();
  // Three digits at least: an error code in the description ("E42") is no order number.
  const digits = value.replace(/\D/gu, '').length;
  return ORDER_NUMBER.test(value) && digits >= 3 && !LEAD_CODE.test(value) ? value : undefined;
}

/** A priority word in either language (brackets and case ignored). */
export function priorityOfWord(text: string): Priority | undefined {
  const word = text.normalize('NFKC').trim().replace(BRACKETS, '').toLowerCase();
  return PRIORITY_WORDS[word] ?? PRIORITY_WORDS[word.replace(/优先级?$/u, '')];
}

function partOf(word: Word, options: ComplaintGrammarOptions): Part | undefined {
  const label = LABEL.exec(word.norm);
  if (label?.[2]) {
    const name = (label[1] ?? '').toLowerCase();
    // "订单SO-1001" needs no colon; "客户说…" is no label, so the others do.
    const marked = /^[:#]/u.test(word.norm.slice(name.length));
    const value = unquoted(word.text.slice(word.text.length - label[2].length)).trim();
    if (name.startsWith('订单') || name === 'order') {
      const number = canonicalOrderNumber(value);
      if (number) return { kind: 'order', value: number };
    } else if (marked && value) {
      if (name === '客户' || name === 'customer') return { kind: 'customer', value };
      const priority = priorityOfWord(value);
      if (name === '优先级' || name === 'priority')
        return priority ? { kind: 'priority', value: priority } : undefined;
      return { kind: 'category', value };
    }
  }
  const number = canonicalOrderNumber(word.norm);
  if (number) return { kind: 'order', value: number };
  if (LEAD_CODE.test(word.norm.toUpperCase())) return { kind: 'customer', value: word.norm.toUpperCase() };
  const priority = priorityOfWord(word.norm);
  if (priority) return { kind: 'priority', value: priority };
  const listed = options.categories?.find(
    (c) => c.normalize('NFKC').toLowerCase() === word.norm.toLowerCase(),
  );
  if (listed) return { kind: 'category', value: listed };
  if (/^#[^#\d]/u.test(word.norm) && !options.categories?.length)
    return { kind: 'category', value: word.text.slice(1) };
  return undefined;
}

/** The line's words and where each is (a quoted name is one word); full-width spaces split words too. */
function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  for (const m of text.matchAll(/"[^"]*"|“[^”]*”|「[^」]*」|[^\s\u3000]+/gu)) {
    words.push({ text: m[0], norm: m[0].normalize('NFKC'), from: m.index, to: m.index + m[0].length });
  }
  return words;
}

const unquoted = (text: string) => text.replace(/^["“「](.*)["”」]$/su, '$1');
