import type { StageDefinition } from '../../core/customers/index.js';

/** What `/阶段 L-1042 <stage> …` said after the stage, before it is fitted to the target stage's evidence. */
export type StageWords = {
  amount?: number;
  items?: string;
  contractNo?: string;
  signedAt?: Date;
  /** The signing date as typed (the refusal's example repeats it). */
  signedText?: string;
  reason?: string;
  note?: string;
};

/** The evidence words, Chinese and English, each naming one slot; a slot's value is the word after it. */
const SLOT_WORDS: Readonly<Record<string, keyof Omit<StageWords, 'signedText'>>> = {
  金额: 'amount',
  报价金额: 'amount',
  成交金额: 'amount',
  价格: 'amount',
  amount: 'amount',
  price: 'amount',
  明细: 'items',
  报价明细: 'items',
  内容: 'items',
  items: 'items',
  合同: 'contractNo',
  合同号: 'contractNo',
  合同编号: 'contractNo',
  contract: 'contractNo',
  签约: 'signedAt',
  签约日期: 'signedAt',
  签订: 'signedAt',
  signed: 'signedAt',
  date: 'signedAt',
  原因: 'reason',
  reason: 'reason',
  备注: 'note',
  note: 'note',
};

/** "50000", "50,000", "5万", "4.8万元", "48k", full-width digits: an amount, or undefined. */
export function parseAmount(text: string): number | undefined {
  const t = text
    .normalize('NFKC')
    .replace(/[,，\s]/g, '')
    .replace(/[元¥￥]$|^[¥￥]/g, '')
    .toLowerCase();
  const m = /^(\d+(?:\.\d+)?)(万|w|k|千)?$/.exec(t);
  if (!m) return undefined;
  const scale = m[2] === '万' || m[2] === 'w' ? 10_000 : m[2] ? 1_000 : 1;
  return Math.round(Number(m[1]) * scale * 100) / 100;
}

/**
 * Reads the words after the stage: `金额 50000 明细 "服务器2台 + 安装"`, `合同 HT-2026-001 金额 48000 签约 今天`,
 * `原因 选择竞品 对方给了八折`. A bare amount is the amount; other words without a slot are the quote's items (报价)
 * or the loss's note (流失), as typed; `readDate` reads the signing date in the org's time zone.
 */
export function parseStageWords(
  words: readonly string[],
  target: Pick<StageDefinition, 'kind'>,
  readDate: (text: string) => Date | undefined,
): { words: StageWords; rest: string[] } {
  const out: StageWords = {};
  const rest: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const slot =
      SLOT_WORDS[
        word
          .normalize('NFKC')
          .toLowerCase()
          .replace(/[:：]$/, '')
      ];
    const value = slot ? words[i + 1] : undefined;
    if (slot && value !== undefined) {
      i++;
      fill(out, slot, value, readDate);
      continue;
    }
    const bare = target.kind === 'lost' || out.amount !== undefined ? undefined : parseAmount(word);
    if (bare !== undefined) out.amount = bare;
    else rest.push(word);
  }
  if (rest.length > 0 && target.kind === 'quote' && out.items === undefined)
    out.items = rest.splice(0).join(' ');
  if (rest.length > 0 && target.kind === 'lost') {
    out.note = [out.note, ...rest.splice(0)].filter(Boolean).join(' ');
  }
  return { words: out, rest };
}

function fill(
  out: StageWords,
  slot: keyof StageWords,
  value: string,
  readDate: (t: string) => Date | undefined,
) {
  if (slot === 'amount') {
    const amount = parseAmount(value);
    if (amount !== undefined) out.amount = amount;
  } else if (slot === 'signedAt') {
    const at = readDate(value);
    out.signedText = value;
    if (at) out.signedAt = at;
  } else out[slot] = value;
}
