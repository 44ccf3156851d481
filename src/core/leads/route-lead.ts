import type { Org } from '../org/index.js';
import type { MemberId } from '../shared/ids.js';
import { localDay } from '../shared/local-day.js';
import { buildAssignment, type RoutingOutcome } from './build-assignment.js';
import type { Assignment } from './lead-types.js';
import { pickAssignee } from './pick-assignee.js';
import type { ConversionStats, RosterMember, RosterRepository, TakeTurn } from './ports.js';
import type { MatchedRule } from './routing-config.js';
import type { ImportantRule, RoutingCandidate, Strategy } from './routing-types.js';

export type RouteDeps = { readonly roster: RosterRepository; readonly conversion: ConversionStats };

export type RouteDecision = {
  readonly assignment: Assignment;
  /** The turn taken (and to undo should the lead not be stored); absent when the lead goes to the pool. */
  readonly turn?: TakeTurn;
  readonly ownerName?: string;
};

// A rotation read whose every member was taken by concurrent intakes is read again: each round some intake wins,
// so this ends; the bound only keeps a pathological storm from spinning forever (the lead then waits in the pool).
const MAX_READS = 100;
const CONVERSION_WINDOW_MS = 30 * 86_400_000;
const NO_HISTORY_WEIGHT = 50;

/** An org without routing rules: the lead waits in the org-wide pool, and says why. */
export function unroutedAssignment(now: Date): Assignment {
  return {
    ruleId: 'none',
    ruleName: 'none',
    strategy: 'pool',
    reason: 'no_routing_rules',
    teamSize: 0,
    skipped: [],
    at: now,
  };
}

/** The numbers routing judges a member by, read from their stored state and the org's defaults. */
export function toCandidate(
  org: Org,
  member: RosterMember,
  day: string,
  weights: ((id: MemberId) => number) | undefined,
): RoutingCandidate {
  return {
    memberId: member.memberId,
    active: member.active,
    onLeave: member.onLeave,
    isRep: member.roles.includes('rep'),
    senior: member.level === 'senior',
    intern: member.level === 'intern',
    dailyCap: member.dailyCap ?? org.settings.dailyCaps[member.level],
    assignedToday: member.day === day ? member.assignedToday : 0,
    openLeads: member.openLeads,
    privatePoolCapacity: member.poolCapacity ?? org.settings.poolCapacity[member.level],
    weight: weights ? weights(member.memberId) : 1,
    pass: member.pass,
  };
}

/** Explicit weights from the rule, or conversion-derived ones; members not named get weight 1. */
export async function weightsFor(
  deps: RouteDeps,
  org: Org,
  rule: MatchedRule,
  now: Date,
): Promise<((id: MemberId) => number) | undefined> {
  const explicit = rule.weights;
  if (explicit === undefined) return undefined;
  if (explicit === 'conversion') {
    const since = new Date(now.getTime() - CONVERSION_WINDOW_MS);
    const rates = await deps.conversion.conversionWeights(org.id, rule.teamId, since);
    // No history yet is the middle of the scale (see ConversionStats), not "never".
    return (id) => rates.get(id) ?? NO_HISTORY_WEIGHT;
  }
  return (id) => (Object.hasOwn(explicit, id) ? (explicit[id] ?? 1) : 1);
}

/**
 * Routes one lead inside the matched team: read the roster (one query), pick, and take the turn with one
 * conditional write. A write that loses a race (another intake moved that member's pass) tries the next member of
 * the same read; only when all lose is the roster read again.
 */
export async function routeLead(
  deps: RouteDeps,
  org: Org,
  rule: MatchedRule,
  strategy: Strategy,
  now: Date,
  barred: ReadonlySet<MemberId> = new Set(),
  important: ImportantRule = 'open',
): Promise<RouteDecision> {
  const assignment = (outcome: RoutingOutcome) => buildAssignment(rule, strategy, now, outcome);
  if (strategy === 'pool') return { assignment: assignment({ teamSize: 0, skipped: [] }) };
  const day = localDay(now, org.settings.timeZone);
  const weights = strategy === 'weighted' ? await weightsFor(deps, org, rule, now) : undefined;
  for (let read = 0; read < MAX_READS; read++) {
    const roster = await deps.roster.load(org.id, rule.teamId);
    const candidates = roster.map((m) => toCandidate(org, m, day, weights));
    const lost = new Set<MemberId>();
    for (;;) {
      const pick = pickAssignee(strategy, candidates, lost, barred, important);
      const skipped = pick.skipped.filter((s) => s.why !== 'busy');
      if (!pick.ownerId || pick.nextPass === undefined) {
        if (lost.size > 0) {
          // Everyone left was taken by a concurrent intake: read again, a moment later so we do not move in lockstep.
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 5));
          break;
        }
        return { assignment: assignment({ teamSize: roster.length, skipped }) };
      }
      const candidate = candidates.find((c) => c.memberId === pick.ownerId)!;
      const turn: TakeTurn = {
        memberId: candidate.memberId,
        expectedPass: candidate.pass,
        nextPass: pick.nextPass,
        day,
        newDay: roster.find((m) => m.memberId === candidate.memberId)?.day !== day,
        assignedToday: candidate.assignedToday + 1,
        dailyCap: candidate.dailyCap,
        poolCapacity: candidate.privatePoolCapacity,
        count: 1,
      };
      if (await deps.roster.takeTurn(org.id, turn)) {
        return {
          turn,
          ownerName: roster.find((m) => m.memberId === candidate.memberId)?.name ?? '',
          assignment: assignment({ pick, teamSize: roster.length, skipped }),
        };
      }
      lost.add(candidate.memberId);
    }
  }
  return { assignment: assignment({ teamSize: 0, skipped: [] }) };
}
