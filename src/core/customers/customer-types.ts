import type { LeadContact } from '../leads/index.js';
import type { CustomerId, LeadId, MemberId, OrderId, OrgId, TeamId } from '../shared/ids.js';

/**
 * 客户: what a won lead becomes. One per lead (the lead id is its unique key, so finishing a 成交 twice makes one),
 * listing its orders (`OrderRepository.listByCustomer`); the after-sales issue builds complaints on those orders.
 * An order entered by API or import for a company not yet a customer makes one without a lead (`intakeName`).
 */
export type Customer = {
  readonly id: CustomerId;
  readonly orgId: OrgId;
  /** The won lead it came from; absent for a customer made by an order's intake (`POST /orders`, the import). */
  readonly leadId?: LeadId;
  /** The company name an order's intake made it for: unique in the org, so two intakes at once make one customer. */
  readonly intakeName?: string;
  /** The lead's code when it was won (`L-1042`), so people can find the lead again. */
  readonly leadCode?: string;
  /** What the customer is called: the company, else the contact's name. */
  readonly name: string;
  readonly company?: string;
  /** The people to talk to, from the lead (the first is the lead's contact). */
  readonly contacts: readonly LeadContact[];
  readonly ownerId?: MemberId;
  readonly ownerName?: string;
  readonly teamId?: TeamId;
  readonly createdAt: Date;
};

/** 订单: one per won deal, numbered per org (`SO-1001`); its contract number is unique in the org. */
export type Order = {
  readonly id: OrderId;
  readonly orgId: OrgId;
  readonly number: string;
  readonly customerId: CustomerId;
  /** The won lead; absent for an order entered by API or import. */
  readonly leadId?: LeadId;
  /** The `Idempotency-Key` (or the import row's key) an entered order was created with. */
  readonly requestKey?: string;
  /** What was sold, as typed (the quote's items unless the deal named its own). */
  readonly items?: string;
  readonly amount: number;
  readonly contractNo: string;
  readonly signedAt: Date;
  readonly ownerId?: MemberId;
  readonly ownerName?: string;
  readonly teamId?: TeamId;
  readonly createdAt: Date;
};

/** An order to store: the repository gives it its number (one counter `$inc`), unless its contract is stored. */
export type NewOrder = Omit<Order, 'number'>;
