import type { ErrorDetails } from '../../core/shared/errors.js';
import type { StageTexts } from './stage-texts.js';

const list = (value: unknown): string => (Array.isArray(value) ? value.join(', ') : '');

/** The error texts of core/customers, spread into the English catalogue's `errors`. */
export const stageErrorsEn = {
  STAGE_NOT_FOUND: (d: ErrorDetails) =>
    `There is no stage "${String(d.to ?? '')}". Choose one of: ${list(d.stages)}.`,
  STAGE_NOT_YOURS: () => "Only the lead's owner, their manager, a director or an admin can change its stage.",
  STAGE_REOPEN_FORBIDDEN: (d: ErrorDetails) =>
    `This lead is ${String(d.from ?? 'closed')}; only a manager, director or admin can reopen it.`,
  STAGE_NOT_ALLOWED: () => 'A duplicate lead has no stage of its own; change the original lead instead.',
  STAGE_CLOSED: (d: ErrorDetails) =>
    `This lead is already "${String(d.stage ?? '')}"; a manager must reopen it before it can change.`,
  CONTRACT_NO_TAKEN: (d: ErrorDetails) =>
    `Contract ${String(d.contractNo ?? '')} is already on order ${String(d.orderNumber ?? '')}; please check it.`,
  CUSTOMER_NOT_FOUND: () => 'Customer not found.',
} as const;

export const stageTextsEn: StageTexts = {
  fieldNames: {
    'quote.amount': 'quote amount',
    'quote.items': 'quote items',
    'deal.contractNo': 'contract number',
    'deal.amount': 'deal amount',
    'deal.signedAt': 'signing date',
    'loss.reason': 'loss reason',
  },
  missing: (fields) => `Missing: ${fields.join(', ')}`,
  reasons: (reasons) => `Choose a loss reason from: ${reasons.join(', ')}`,
  example: (command) => `For example: ${command}`,
  words: {
    command: '/stage',
    amount: 'amount',
    items: 'items',
    contract: 'contract',
    signed: 'signed',
    today: 'today',
    reason: 'reason',
    sampleItems: '2 servers + setup',
  },
  changed: (code, from, to) => `${code} moved from "${from}" to "${to}".`,
  unchanged: (code, stage) => `${code} is already "${stage}"; nothing changed.`,
  quoteReminder: (at) => `You will be reminded to follow the quote up at ${at}.`,
  won: (customer, order) =>
    `"${customer}" is now a customer; order ${order} was created and handed to after-sales.`,
  lostPool: (at) => `It moves to the public pool at ${at}.`,
  current: (code, stage, since) => `${code} is in stage "${stage}" (since ${since})`,
  history: 'Stage history:',
  historyLine: (at, from, to, who, sat) => `${at} ${who}: ${from} → ${to} (${sat} in "${from}")`,
  noHistory: 'No stage changes yet.',
  next: (stages) => `Can move to: ${stages}`,
  sat: (days, hours) => (days > 0 ? `${days}d${hours > 0 ? ` ${hours}h` : ''}` : `${hours}h`),
  system: 'system',
  join: ', ',
  quote: {
    title: 'Quote sent',
    lead: 'Lead',
    amount: 'Amount',
    items: 'Items',
    remindAt: 'Follow-up reminder',
  },
  handOff: {
    title: 'Won deal hand-off',
    customer: 'Customer',
    contact: 'Contact',
    order: 'Order',
    contract: 'Contract',
    amount: 'Amount',
    signedAt: 'Signed',
    items: 'Items',
    owner: 'Sales rep',
    lead: 'Lead',
  },
};
