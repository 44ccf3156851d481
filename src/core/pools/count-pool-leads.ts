import type { LeadRepository } from '../leads/index.js';
import type { Caller } from '../org/index.js';
import { assertCan } from '../org/index.js';
import { poolQuery } from './list-pool-leads.js';

/** How many leads the acting member's pool holds: the same query `listPoolLeads` pages through, all of it. */
export async function countPoolLeads(
  deps: { readonly leads: LeadRepository },
  caller: Caller,
): Promise<number> {
  assertCan(caller, 'pool.view');
  return deps.leads.count(caller.org.id, poolQuery(caller));
}
