import { DEFAULT_LOST_POOL_COOLDOWN_DAYS, FIRST_STAGE_KEY, type StageKind } from '../leads/index.js';
import type { Locale, Org } from '../org/index.js';

/**
 * What entering a stage may require (its exit conditions, as the requirement documents call them: what the rep
 * must have before the lead may leave for that stage). Each is an input field of `changeStage`.
 */
export const STAGE_FIELDS = [
  'quote.amount',
  'quote.items',
  'deal.contractNo',
  'deal.amount',
  'deal.signedAt',
  'loss.reason',
] as const;
export type StageField = (typeof STAGE_FIELDS)[number];

/** One of an org's stages: the key is stable (stored on leads), the name is what people see and type. */
export type StageDefinition = {
  readonly key: string;
  readonly name: string;
  readonly kind: StageKind;
  /** What a change into this stage must carry; refused, naming what is missing, without it. */
  readonly requires: readonly StageField[];
};

/** 客户阶段 per org (`OrgSettings.stages`); absent means the defaults in the org's language. */
export type StageSettings = {
  /** In pipeline order; the first is where every lead starts (FIRST_STAGE_KEY). */
  readonly stages: readonly StageDefinition[];
  /** What a lost lead may be lost for (流失原因); the reason is one of these, as listed. */
  readonly lossReasons: readonly string[];
  /** Into 报价: the owner is reminded to follow the quote up after this many days (unless a contact is sooner). */
  readonly quoteFollowUpDays: number;
  /** Into 流失: the lead leaves the rep's private pool for the public pool after this many days. */
  readonly lostPoolCooldownDays: number;
};

const NAMES: Readonly<Record<Locale, readonly string[]>> = {
  'zh-CN': ['线索', '意向', '沟通', '报价', '成交', '流失'],
  en: ['Lead', 'Intent', 'Contact', 'Quote', 'Won', 'Lost'],
};
const LOSS_REASONS: Readonly<Record<Locale, readonly string[]>> = {
  'zh-CN': ['预算不足', '选择竞品', '需求取消', '联系不上', '其他'],
  en: ['No budget', 'Chose a competitor', 'Need cancelled', 'Unreachable', 'Other'],
};

/** The defaults: 线索 → 意向 → 沟通 → 报价 → 成交 / 流失, named in the org's language. */
export function defaultStageSettings(locale: Locale): StageSettings {
  const [lead, intent, contact, quote, won, lost] = NAMES[locale] as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  return {
    stages: [
      { key: FIRST_STAGE_KEY, name: lead, kind: 'open', requires: [] },
      { key: 'intent', name: intent, kind: 'open', requires: [] },
      { key: 'contact', name: contact, kind: 'open', requires: [] },
      { key: 'quote', name: quote, kind: 'quote', requires: ['quote.amount', 'quote.items'] },
      { key: 'won', name: won, kind: 'won', requires: ['deal.contractNo', 'deal.amount', 'deal.signedAt'] },
      { key: 'lost', name: lost, kind: 'lost', requires: ['loss.reason'] },
    ],
    lossReasons: LOSS_REASONS[locale],
    quoteFollowUpDays: 3,
    lostPoolCooldownDays: DEFAULT_LOST_POOL_COOLDOWN_DAYS,
  };
}

/** The org's stage settings: its own, else the defaults in its language. */
export const stageSettingsOf = (org: Org): StageSettings =>
  org.settings.stages ?? defaultStageSettings(org.settings.locale);

/** The stage a lead is in (absent: the first). An unknown key (a stage an admin removed) reads as an open stage. */
export function stageOf(org: Org, key: string | undefined): StageDefinition {
  const { stages } = stageSettingsOf(org);
  const wanted = key ?? FIRST_STAGE_KEY;
  return stages.find((s) => s.key === wanted) ?? { key: wanted, name: wanted, kind: 'open', requires: [] };
}

/** A stage's name as the org calls it (the lead card's stage line): the key itself for a removed stage. */
export const stageName = (org: Org, key: string | undefined): string => stageOf(org, key).name;

/**
 * The stage a person named: its key or its name (any case, full-width folded), or undefined. "报价" and "quote"
 * both name the quote stage of a Chinese org: the keys are English for every org.
 */
export function findStage(org: Org, typed: string): StageDefinition | undefined {
  const wanted = typed.normalize('NFKC').trim().toLowerCase();
  const { stages } = stageSettingsOf(org);
  return (
    stages.find((s) => s.key.toLowerCase() === wanted) ??
    stages.find((s) => s.name.normalize('NFKC').toLowerCase() === wanted)
  );
}

/** Closed stages (成交, 流失) are left only by a reopening, which is a manager's, a director's or an admin's. */
export const isClosed = (stage: Pick<StageDefinition, 'kind'>): boolean =>
  stage.kind === 'won' || stage.kind === 'lost';
