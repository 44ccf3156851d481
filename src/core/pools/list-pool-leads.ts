import type { Lead, LeadQuery, LeadRepository } from '../leads/index.js';
import type { Caller } from '../org/index.js';
import { assertCan } from '../org/index.js';

/** The acting member's team pool; a member without a team sees every pooled lead of the org. */
export function poolQuery(caller: Caller): Omit<LeadQuery, 'limit'> {
  const teamId = caller.member?.teamId;
  return { pool: 'public', ...(teamId ? { teamId } : {}) };
}

/** The newest leads in the acting member's team pool (`/pool`); a member without a team sees every pooled lead of the org. */
export async function listPoolLeads(
  deps: { readonly leads: LeadRepository },
  caller: Caller,
  input: { readonly limit: number },
): Promise<Lead[]> {
  assertCan(caller, 'pool.view');
  return deps.leads.list(caller.org.id, { ...poolQuery(caller), limit: input.limit });
}
