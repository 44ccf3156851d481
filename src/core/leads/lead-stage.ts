import type { CustomerId, OrderId } from '../shared/ids.js';

/**
 * What the product knows a stage to mean: an ordinary open stage, the quote, the won deal and the lost lead. An org
 * names its stages and sets what entering each needs (exit conditions); the kind says which entry action follows
 * (a quote reminder, the order and the hand-off, the public pool after a cooldown).
 */
export const STAGE_KINDS = ['open', 'quote', 'won', 'lost'] as const;
export type StageKind = (typeof STAGE_KINDS)[number];

/** 客户阶段 as a lead carries it: the stage's key (an org's stage list names it) and what entering it recorded. */
export type LeadStage = {
  /** The key of one of the org's stages; absent on a lead means the first stage (线索). */
  readonly key: string;
  /** The stage's name in the org's list when it was entered: what a card shows for an org's own stage. */
  readonly name?: string;
  /**
   * The stage's kind when it was entered, so what follows from it (the quote card) can be derived from the stored lead
   * alone, as the notice sweep does after a crash. Absent on leads staged before it was kept.
   */
  readonly kind?: StageKind;
  readonly since: Date;
  /** Entered 报价: the quote's amount and items, as typed. */
  readonly quote?: { readonly amount: number; readonly items: string };
  /** Entered 成交: the contract, and the customer and order it created. */
  readonly deal?: {
    readonly contractNo: string;
    readonly amount: number;
    readonly signedAt: Date;
    readonly customerId?: CustomerId;
    readonly orderId?: OrderId;
  };
  /**
   * Entered 成交, and the customer and order may not exist yet: set in the same write as the deal, cleared once both
   * are stored (see core/customers/complete-won-lead.ts); the customers sweep finishes any left set after a crash.
   */
  readonly customerPending?: true;
  /** Entered 流失: the reason (one of the org's list) and any words the rep added, as typed. */
  readonly loss?: { readonly reason: string; readonly note?: string };
};

/** The stage every new lead starts in. */
export const FIRST_STAGE_KEY = 'lead';

/**
 * Days a lost (流失) lead stays in its owner's private pool before the public pool, for an org that has not set its
 * stages. Here rather than in the stage settings because the contact plan (follow-ups) reads it too, and the two
 * domains may not import each other both ways.
 */
export const DEFAULT_LOST_POOL_COOLDOWN_DAYS = 3;
