import { assertCan, type Caller } from '../org/index.js';
import { DomainError } from '../shared/errors.js';
import type { CustomerId, OrgId } from '../shared/ids.js';

/** A customer as a complaint names it. */
export type ComplaintCustomer = { readonly id: CustomerId; readonly name: string };

/** The customers a typed name or code could mean (the customers domain owns them; after-sales only reads). */
export interface ComplaintCustomers {
  /**
   * By id, by the code of the lead it was won from (`L-1042`), or by name: those whose name (or company) contains
   * the text, without case, at most `limit`. One query.
   */
  match(orgId: OrgId, typed: string, limit: number): Promise<ComplaintCustomer[]>;
}

export type CustomerMatch =
  | { readonly kind: 'one'; readonly customer: ComplaintCustomer }
  | { readonly kind: 'several'; readonly customers: readonly ComplaintCustomer[] };

/** How many look-alikes a question lists ("which one?"); more than this asks for a longer name. */
export const CUSTOMER_CHOICES = 8;

const folded = (text: string) => text.normalize('NFKC').trim().toLowerCase();

/**
 * The customer a member means by what they typed: the one whose name is exactly that (case and full-width
 * ignored), else the only one whose name contains it; several: the member is asked which; none: refused.
 */
export async function findComplaintCustomer(
  deps: { readonly customers: ComplaintCustomers },
  caller: Caller,
  typed: string,
): Promise<CustomerMatch> {
  assertCan(caller, 'complaint.raise');
  const text = typed.normalize('NFKC').trim();
  const found = text ? await deps.customers.match(caller.org.id, text, CUSTOMER_CHOICES + 1) : [];
  const exact = found.filter((c) => folded(c.name) === folded(text));
  const pick = exact.length === 1 ? exact : found;
  const [first] = pick;
  if (!first) throw new DomainError('COMPLAINT_CUSTOMER_NOT_FOUND', { customer: typed.trim() });
  return pick.length === 1 ? { kind: 'one', customer: first } : { kind: 'several', customers: pick };
}
