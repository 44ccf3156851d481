import type { Lead, LeadRepository } from '../leads/index.js';
import type { Caller } from '../org/index.js';
import { assertCan } from '../org/index.js';

/** The newest leads in the acting member's team pool (`/pool`); a member without a team sees every pooled lead of the org. */
export async function listPoolLeads(
  deps: { readonly leads: LeadRepository },
  caller: Caller,
  input: { readonly limit: number },
): Promise<Lead[]> {
  assertCan(caller, 'pool.view');
  const teamId = caller.member?.teamId;
  return deps.leads.list(caller.org.id, {
    pool: 'public',
    ...(teamId ? { teamId } : {}),
    limit: input.limit,
  });
}
