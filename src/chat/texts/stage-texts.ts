import type { StageField } from '../../core/customers/index.js';

/** 客户阶段 in chat: the /阶段 replies, the quote card and the hand-off card. */
export type StageTexts = {
  /** What each piece of evidence is called, in refusals ("缺少：报价金额、报价明细"). */
  readonly fieldNames: Readonly<Record<StageField, string>>;
  readonly missing: (fields: readonly string[]) => string;
  /** A loss reason not on the org's list: the list to choose from. */
  readonly reasons: (reasons: readonly string[]) => string;
  readonly example: (command: string) => string;
  /** The words of the /阶段 grammar in the reader's language, for the filled-in example. */
  readonly words: {
    readonly command: string;
    readonly amount: string;
    readonly items: string;
    readonly contract: string;
    readonly signed: string;
    readonly today: string;
    readonly reason: string;
    /** The quote items the filled-in example shows when none were given. */
    readonly sampleItems: string;
  };
  readonly changed: (code: string, from: string, to: string) => string;
  readonly unchanged: (code: string, stage: string) => string;
  readonly quoteReminder: (at: string) => string;
  readonly won: (customer: string, order: string) => string;
  readonly lostPool: (at: string) => string;
  readonly current: (code: string, stage: string, since: string) => string;
  readonly history: string;
  readonly historyLine: (at: string, from: string, to: string, who: string, sat: string) => string;
  readonly noHistory: string;
  readonly next: (stages: string) => string;
  readonly sat: (days: number, hours: number) => string;
  readonly system: string;
  readonly join: string;
  readonly quote: {
    readonly title: string;
    readonly lead: string;
    readonly amount: string;
    readonly items: string;
    readonly remindAt: string;
  };
  readonly handOff: {
    readonly title: string;
    readonly customer: string;
    readonly contact: string;
    readonly order: string;
    readonly contract: string;
    readonly amount: string;
    readonly signedAt: string;
    readonly items: string;
    readonly owner: string;
    readonly lead: string;
  };
};
