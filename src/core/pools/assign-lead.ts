import { type AuditDeps, recordAudit } from '../audit/index.js';
import {
  type Assignment,
  canManageLead,
  findLead,
  importanceSkip,
  importantRule,
  type Lead,
  type LeadChange,
  type LeadRef,
  leadNotices,
  leadScope,
  type RosterMember,
  type RosterRepository,
  type RoutingCandidate,
  type Strategy,
  scopeHasTeam,
  skipReason,
  type TakeTurn,
  toCandidate,
  typedReason,
} from '../leads/index.js';
import { assertCan, type Caller, can } from '../org/index.js';
import { DomainError } from '../shared/errors.js';
import { localDay } from '../shared/local-day.js';
import type { ClaimDeps } from './ports.js';
import { handOverChange, OWNERSHIP_FIELDS } from './release-moves.js';

export type AssignDeps = ClaimDeps & { readonly roster: RosterRepository } & AuditDeps;

/** `to`: a member's id or exact name, or `pool` (back to the team's public pool). */
export type AssignLeadInput = {
  readonly leadId: LeadRef;
  readonly to: string;
  /** Past the member's daily cap and private-pool capacity (directors and admins only). */
  readonly force?: boolean;
  /** Why, in the mover's own words: kept as typed in the history. */
  readonly reason?: string;
};

// What `force` may override: limits. Never a member who is gone, on leave or not a rep.
const FORCEABLE = new Set(['at_daily_cap', 'private_pool_full', 'not_senior']);

/**
 * A manager (own team), director or admin moves one lead by hand: to a member, or back to the pool. One
 * conditional write on the version read decides a race with a claim or another move (the loser gets CONFLICT and
 * the turn is given back); the new owner's card and the old owner's update go out through the notices.
 */
export async function assignLead(deps: AssignDeps, caller: Caller, input: AssignLeadInput): Promise<Lead> {
  assertCan(caller, 'lead.assign');
  const { org } = caller;
  const lead = await findLead(deps.leads, org.id, input.leadId);
  if (!canManageLead(caller, lead)) throw new DomainError('FORBIDDEN', { action: 'lead.assign' });
  if (lead.status === 'duplicate') throw new DomainError('LEAD_IS_DUPLICATE', { leadId: lead.id });
  if (input.force && !can(caller, 'lead.read_org')) {
    throw new DomainError('FORBIDDEN', { action: 'lead.read_org' });
  }
  const at = deps.clock.now();
  const event = moveEvent(caller, lead, at, input.reason);
  if (input.to === 'pool') {
    if (lead.status === 'pooled') return lead;
    const change: LeadChange = { set: { status: 'pooled' }, unset: OWNERSHIP_FIELDS, event };
    return audited(deps, caller, lead, await write(deps, caller, lead, change, async () => undefined));
  }
  const roster = await deps.roster.loadAll(org.id);
  const target = findMember(roster, input.to);
  if (lead.ownerId === target.memberId) return lead;
  if (!scopeHasTeam(leadScope(caller), target.teamId)) {
    throw new DomainError('FORBIDDEN', { action: 'lead.assign' });
  }
  const day = localDay(at, org.settings.timeZone);
  const candidate = toCandidate(org, target, day, undefined);
  const why =
    skipReason(candidate, 'round_robin') ?? importanceSkip(candidate, importantRule(org, lead.grade));
  const forced = why !== undefined && input.force === true && FORCEABLE.has(why);
  if (why && !forced) throw new DomainError('ASSIGNEE_NOT_ELIGIBLE', { name: target.name, why });
  const teamSize = roster.filter((m) => m.teamId === target.teamId).length;
  const moved = await handTo(deps, caller, lead, target, {
    candidate,
    day,
    forced,
    event,
    strategy: 'round_robin',
    teamSize,
  });
  return audited(deps, caller, lead, moved);
}

/**
 * One entry per hand move (a bulk move writes one for the whole batch, in assignLeads). The lead's new version is
 * the key: the same move recorded twice is stored once.
 */
async function audited(deps: AssignDeps, caller: Caller, lead: Lead, updated: Lead): Promise<Lead> {
  await recordAudit(deps, caller, {
    kind: lead.ownerId ? 'lead.reassign' : 'lead.assign',
    target: { type: 'lead', id: lead.id, label: lead.code ?? lead.id },
    before: { status: lead.status, ownerId: lead.ownerId ?? null },
    after: { status: updated.status, ownerId: updated.ownerId ?? null },
    key: `${lead.id}@${updated.version}`,
  });
  return updated;
}

/**
 * Gives the lead to `target` (one move of one or of many): the member's counters as routing keeps them — within
 * the cap a turn (the rotation's pass is left where it is, a hand move is not a turn of the rotation); forced past
 * it, the slot is counted without limits — then the conditional write. A lost race is CONFLICT, the turn given back.
 */
export async function handTo(
  deps: AssignDeps,
  caller: Caller,
  lead: Lead,
  target: RosterMember,
  move: {
    readonly candidate: RoutingCandidate;
    readonly day: string;
    readonly forced: boolean;
    readonly event: ReturnType<typeof moveEvent>;
    readonly strategy: Strategy;
    readonly teamSize: number;
  },
): Promise<Lead> {
  const org = caller.org.id;
  const turn = turnFor(target, move.candidate, move.day, target.pass);
  if (move.forced) await deps.roster.addToPool(org, target.memberId);
  else if (!(await deps.roster.takeTurn(org, turn))) {
    throw new DomainError('CONFLICT', { leadId: lead.id });
  }
  const change = moveChange(caller, lead, target, move.event, move);
  return write(deps, caller, lead, change, () =>
    move.forced ? deps.roster.freePoolSlot(org, target.memberId) : deps.roster.undoTurn(org, turn),
  );
}

/** The conditional write, then the counters: the old owner's slot freed, or the new one's given back on a loss. */
async function write(
  deps: AssignDeps,
  caller: Caller,
  lead: Lead,
  change: LeadChange,
  giveBack: () => Promise<void>,
): Promise<Lead> {
  const org = caller.org.id;
  const updated = await deps.leads.updateIf(org, lead.id, { version: lead.version }, change);
  if (!updated) {
    await giveBack();
    throw new DomainError('CONFLICT', { leadId: lead.id });
  }
  if (lead.ownerId) await deps.roster.freePoolSlot(org, lead.ownerId);
  await deps.notifier.publish(org, leadNotices(updated));
  return updated;
}

/** The history event of a hand move; the reason exactly as the mover typed it. */
export function moveEvent(caller: Caller, lead: Lead, at: Date, reason: string | undefined) {
  return {
    type: 'reassigned' as const,
    at,
    ...(caller.member ? { actorId: caller.member.id, actorName: caller.member.name } : {}),
    ...(lead.ownerId ? { fromOwnerId: lead.ownerId } : {}),
    // What the mover typed, kept as typed; rendered as the reason line of the history.
    ...(reason ? { reason: typedReason(reason) } : {}),
  };
}

/** The member's routing counters for one hand-given lead: `nextPass` is the pass after it (unchanged for one move). */
function turnFor(target: RosterMember, c: RoutingCandidate, day: string, nextPass: number): TakeTurn {
  return {
    memberId: target.memberId,
    expectedPass: target.pass,
    nextPass,
    day,
    newDay: target.day !== day,
    assignedToday: c.assignedToday + 1,
    dailyCap: c.dailyCap,
    poolCapacity: c.privatePoolCapacity,
    count: 1,
  };
}

/** The lead becomes the target's (`assigned`, a fresh clock, in the target's team), explained as a manual move. */
function moveChange(
  caller: Caller,
  lead: Lead,
  target: RosterMember,
  event: ReturnType<typeof moveEvent>,
  how: { readonly strategy: Strategy; readonly teamSize: number },
): LeadChange {
  const assignment: Assignment = {
    ruleId: 'manual',
    // No rule decided a hand move; the mover's name stands in its place (the history names them too).
    ruleName: caller.member?.name ?? '',
    strategy: how.strategy,
    reason: 'manual',
    teamId: target.teamId,
    ownerId: target.memberId,
    teamSize: how.teamSize,
    skipped: [],
    at: event.at,
  };
  const to = { id: target.memberId, name: target.name };
  const handOver = handOverChange(caller.org, lead, to, 'assigned', { ...event, ownerId: target.memberId });
  return { ...handOver, set: { ...handOver.set, teamId: target.teamId, assignment } };
}

/** A member by id, or by exact name when exactly one member has it. */
function findMember(roster: readonly RosterMember[], ref: string): RosterMember {
  const byId = roster.find((m) => m.memberId === ref);
  if (byId) return byId;
  const named = roster.filter((m) => m.name === ref.trim());
  if (named.length !== 1) throw new DomainError('MEMBER_NOT_FOUND', { name: ref, matches: named.length });
  return named[0]!;
}
