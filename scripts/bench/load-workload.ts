import { fakeLead } from './fake-leads.js';

/** The kinds of request the load scenario mixes, and their share of the requests (out of 20). */
export const LOAD_MIX = [
  ['intake', 6],
  ['assign', 3],
  ['followUp', 4],
  ['list', 5],
  ['get', 2],
] as const;
export type LoadKind = (typeof LOAD_MIX)[number][0];

export type LoadRequest = {
  readonly kind: LoadKind;
  readonly method: string;
  readonly path: string;
  readonly body?: unknown;
};

/** What the workload picks its targets from: leads taken in so far (with their owners) and the org's reps. */
export type LoadState = {
  readonly leads: { id: string; ownerId?: string }[];
  /** Ids of the leads taken in with an owner (assigned by routing). */
  readonly owned: string[];
  readonly reps: readonly string[];
  next: number;
};

const CYCLE: LoadKind[] = LOAD_MIX.flatMap(([kind, share]) => Array<LoadKind>(share).fill(kind));

/**
 * The i-th request of the run: a fixed cycle of kinds, so every run with the same count sends the same mix.
 * - intake: `POST /api/v1/leads` (a new, distinct lead: routing, duplicate check, owner's notice);
 * - assign: `POST /api/v1/leads/:id:assign` to another rep (the API's owner change: one conditional write, as a
 *   claim in chat is; a chat claim needs a member's click, which the HTTP API does not take);
 * - followUp: `POST /api/v1/leads/:id/follow-ups` (recorded for the lead's owner);
 * - list: `GET /api/v1/leads?limit=20` (the newest page of the org);
 * - get: `GET /api/v1/leads/:id`.
 * Kinds that need a lead fall back to an intake until one exists.
 */
export function loadRequest(i: number, state: LoadState, runId: string): LoadRequest {
  const kind = CYCLE[i % CYCLE.length]!;
  const lead = state.leads.length > 0 ? state.leads[(i * 7919) % state.leads.length] : undefined;
  if (kind === 'intake' || !lead) {
    const n = state.next++;
    return {
      kind: 'intake',
      method: 'POST',
      path: '/api/v1/leads',
      body: { ...fakeLead(n), externalId: `${runId}-${n}` },
    };
  }
  if (kind === 'assign') {
    const to = state.reps[i % state.reps.length]!;
    return { kind, method: 'POST', path: `/api/v1/leads/${lead.id}:assign`, body: { to, force: true } };
  }
  if (kind === 'followUp') {
    // Only an owned lead takes a follow-up (a pooled one has nobody to record it for).
    const owned = state.owned[(i * 7919) % Math.max(1, state.owned.length)] ?? lead.id;
    const body = {
      channel: 'phone',
      content: `第 ${i} 次电话：客户要报价单`,
      outcome: 'trial-booked',
      // Three days on: within the year a next contact may be set ahead.
      nextContactAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
    };
    return { kind, method: 'POST', path: `/api/v1/leads/${owned}/follow-ups`, body };
  }
  if (kind === 'list') return { kind, method: 'GET', path: '/api/v1/leads?limit=20' };
  return { kind, method: 'GET', path: `/api/v1/leads/${lead.id}` };
}
