import { z } from 'zod';
import type { Caller } from '../org/index.js';
import { assertCan } from '../org/index.js';
import type { LeadId, MemberId, TeamId } from '../shared/ids.js';
import { parseInput } from '../shared/validate.js';
import { canSeeLead, leadScope } from './lead-access.js';
import { LEAD_STATUSES, type Lead } from './lead-types.js';
import type { LeadQuery, LeadRepository } from './ports.js';

const id = z.string().regex(/^[0-9a-f]{24}$/i, 'an id of 24 hex characters');

export const leadQuerySchema = z.strictObject({
  owner: id.optional(),
  team: id.optional(),
  pool: z.enum(['public', 'private']).optional(),
  status: z.enum(LEAD_STATUSES).optional(),
  source: z.string().trim().toLowerCase().max(32).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  before: id.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/**
 * Lists leads, newest first, a page at a time (`before` = the last id of the previous page). Members without
 * `lead.read_all` see their own leads and their team's pool only, whatever they ask for.
 */
export async function listLeads(
  deps: { leads: LeadRepository },
  caller: Caller,
  input: { readonly query: unknown },
): Promise<Lead[]> {
  assertCan(caller, 'lead.read');
  const q = parseInput(leadQuerySchema, input.query);
  const query: LeadQuery = {
    limit: q.limit,
    ...(q.owner ? { ownerId: q.owner as MemberId } : {}),
    ...(q.team ? { teamId: q.team as TeamId } : {}),
    ...(q.pool ? { pool: q.pool } : {}),
    ...(q.status ? { status: q.status } : {}),
    ...(q.source ? { source: q.source } : {}),
    ...(q.from ? { from: new Date(q.from) } : {}),
    ...(q.to ? { to: new Date(q.to) } : {}),
    ...(q.before ? { before: q.before as LeadId } : {}),
  };
  // The query is narrowed to what the caller may see, so the database pages over their leads only; the same
  // rule as everywhere else (`canSeeLead`) then checks every lead it returns.
  return (await visibleQuery(deps, caller, query)).filter((lead) => canSeeLead(caller, lead));
}

function visibleQuery(deps: { leads: LeadRepository }, caller: Caller, query: LeadQuery): Promise<Lead[]> {
  const orgId = caller.org.id;
  const scope = leadScope(caller);
  if (scope.kind === 'org') return deps.leads.list(orgId, query);
  if (scope.kind === 'none') return Promise.resolve([]);
  // A manager pages over their teams' leads in one query (asking for another team gets none); without a team,
  // their own.
  if (scope.kind === 'team') {
    if (scope.teamIds.length === 0) return deps.leads.list(orgId, { ...query, ownerId: scope.memberId });
    if (query.teamId) {
      return scope.teamIds.includes(query.teamId) ? deps.leads.list(orgId, query) : Promise.resolve([]);
    }
    return deps.leads.list(orgId, { ...query, teamIds: scope.teamIds });
  }
  if (query.pool === 'public' || query.status === 'pooled') {
    return scope.teamId ? deps.leads.list(orgId, { ...query, teamId: scope.teamId }) : Promise.resolve([]);
  }
  return deps.leads.list(orgId, { ...query, ownerId: scope.memberId });
}
