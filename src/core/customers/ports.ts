import type { AuditDeps } from '../audit/index.js';
import type { Lead, LeadRepository } from '../leads/index.js';
import type { MemberRepository } from '../org/index.js';
import type { Clock } from '../shared/clock.js';
import type { CustomerId, LeadId, MemberId, OrgId, TeamId } from '../shared/ids.js';
import type { Notifier } from '../shared/notices.js';
import type { Customer, NewOrder, Order } from './customer-types.js';

// Every query takes the orgId, as every repository's does; the pending sweep alone reads across orgs (a system job).

/** Which customers a list shows: an owner's, some teams' (with the member's own), or all (no filter). */
export type CustomerQuery = {
  readonly ownerId?: MemberId;
  /** With `ownerId`: customers of these teams, or owned by `ownerId` (a manager's scope). */
  readonly teamIds?: readonly TeamId[];
  /** Paging by id: customers older than this one (newest first). */
  readonly before?: CustomerId;
  readonly limit: number;
};

export interface CustomerRepository {
  newId(): CustomerId;
  /**
   * The lead's customer: the stored one, else this one inserted. One conditional upsert on the unique
   * (orgId, leadId) index, so two finishing runs of one 成交 make one customer.
   */
  ensureForLead(customer: Customer): Promise<Customer>;
  /**
   * An order intake's customer by company name: the org's customer of that `name` (the oldest, when two leads of
   * one company were won), else this one inserted with `intakeName`. One upsert; the unique (orgId, intakeName)
   * index makes two intakes of a new company at once one customer.
   */
  ensureByName(customer: Customer & { readonly intakeName: string }): Promise<Customer>;
  get(orgId: OrgId, id: CustomerId): Promise<Customer | undefined>;
  list(orgId: OrgId, query: CustomerQuery): Promise<Customer[]>;
}

export interface OrderRepository {
  newId(): Order['id'];
  /**
   * The order of this contract: the stored one (whatever lead it is of; the caller checks), else this one inserted
   * with the org's next number (`SO-1001`). The unique (orgId, contractNo) index decides a race.
   */
  ensure(order: NewOrder): Promise<Order>;
  findByContract(orgId: OrgId, contractNo: string): Promise<Order | undefined>;
  /** The stored orders an entered one would clash with: the same number, contract number or request key (≤ 3). */
  findClashes(orgId: OrgId, keys: OrderKeys): Promise<Order[]>;
  /**
   * Inserts an entered order with its own number (`POST /orders`, the import); one insert, whose unique indexes
   * (number, contract, request key) decide a race: `clash` when another order holds one of them.
   */
  insertNumbered(order: Order): Promise<{ order: Order } | { clash: true }>;
  get(orgId: OrgId, id: Order['id']): Promise<Order | undefined>;
  /** A customer's orders, newest first. */
  listByCustomer(orgId: OrgId, customerId: CustomerId, limit: number): Promise<Order[]>;
}

/** What makes an entered order the same as a stored one. */
export type OrderKeys = {
  readonly number: string;
  readonly contractNo: string;
  readonly requestKey?: string;
};

/**
 * Won leads whose customer and order may not exist yet: the 成交 write marks the lead (`stage.customerPending`),
 * the finishing steps clear it; the sweep finishes any left marked after a crash. Its own port (not the lead
 * repository's) because it is this domain's crash recovery; the mongo side reads the lead collection's partial index.
 */
export interface PendingCustomers {
  /** Marked leads last written before `writtenBefore`, oldest first, across orgs. */
  pending(writtenBefore: Date, limit: number): Promise<Lead[]>;
  /** Clears the mark of this deal (by contract number); a lead that moved on meanwhile is left as it is. */
  clear(orgId: OrgId, leadId: LeadId, contractNo: string): Promise<void>;
}

/** What the stage use-cases are given. */
export type StageDeps = {
  readonly leads: LeadRepository;
  readonly customers: CustomerRepository;
  readonly orders: OrderRepository;
  readonly pendingCustomers: PendingCustomers;
  /** The after-sales members (role `aftersales`) told of each hand-off. */
  readonly members: Pick<MemberRepository, 'list'>;
  readonly notifier: Notifier;
  readonly clock: Clock;
} & AuditDeps;
