import type { Org } from '../org/index.js';
import { localDay } from '../shared/local-day.js';
import { BatchTurns } from './batch-plan.js';
import { buildAssignment } from './build-assignment.js';
import type { IntakeDeps } from './intake-lead.js';
import type { LeadInput } from './lead-input.js';
import type { Assignment } from './lead-types.js';
import { importantRule, pickAssignee } from './pick-assignee.js';
import { toCandidate, unroutedAssignment, weightsFor } from './route-lead.js';
import { matchRule } from './routing-config.js';
import type { RoutingCandidate, Strategy } from './routing-types.js';
import type { LeadScore } from './score-lead.js';

/** Routing for a whole batch over one roster read, with each member's state moved on in memory as leads go out. */
export async function batchRouter(
  deps: IntakeDeps,
  org: Org,
  items: readonly { readonly input: LeadInput }[],
  scores: readonly LeadScore[],
  strategy: Strategy | undefined,
  now: Date,
) {
  const routing = org.settings.routing;
  const day = localDay(now, org.settings.timeZone);
  const roster = routing && items.length > 0 ? await deps.roster.loadAll(org.id) : [];
  const names = new Map(roster.map((m) => [m.memberId as string, m.name]));
  const dayOf = new Map(roster.map((m) => [m.memberId as string, m.day]));
  const turns = new BatchTurns();
  // One candidate list per rule and strategy (weights differ by rule); weighted rules read their weights up front,
  // so planning itself stays synchronous.
  const prepared = new Map<string, RoutingCandidate[]>();
  // Each item's rule, matched once.
  const rules = routing
    ? items.map((item, i) => matchRule(routing, { ...item.input, score: scores[i]!.score }))
    : [];
  for (const rule of rules) {
    const s = strategy ?? rule.strategy;
    if (prepared.has(`${rule.id}:${s}`)) continue;
    const weights = s === 'weighted' ? await weightsFor(deps, org, rule, now) : undefined;
    const team = roster.filter((m) => m.teamId === rule.teamId);
    prepared.set(
      `${rule.id}:${s}`,
      team.map((m) => toCandidate(org, m, day, weights)),
    );
  }

  return {
    turns,
    route(item: number): { assignment: Assignment; ownerName?: string } {
      const rule = rules[item];
      if (!rule) return { assignment: unroutedAssignment(now) };
      const s = strategy ?? rule.strategy;
      if (s === 'pool') return { assignment: buildAssignment(rule, s, now, { teamSize: 0, skipped: [] }) };
      const candidates = prepared.get(`${rule.id}:${s}`) ?? [];
      const pick = pickAssignee(s, candidates, new Set(), new Set(), importantRule(org, scores[item]!.grade));
      const outcome = { teamSize: candidates.length, skipped: pick.skipped };
      if (!pick.ownerId || pick.nextPass === undefined) {
        return { assignment: buildAssignment(rule, s, now, outcome) };
      }
      const c = candidates.find((x) => x.memberId === pick.ownerId)!;
      turns.add(c, pick.nextPass, day, dayOf.get(c.memberId) !== day);
      // Every list holding this member (the same team under another rule) sees the change too.
      const moved = { pass: pick.nextPass, assignedToday: c.assignedToday + 1, openLeads: c.openLeads + 1 };
      for (const list of prepared.values()) {
        const j = list.findIndex((x) => x.memberId === c.memberId);
        if (j >= 0) list[j] = { ...list[j]!, ...moved };
      }
      return {
        ownerName: names.get(c.memberId) ?? '',
        assignment: buildAssignment(rule, s, now, { ...outcome, pick }),
      };
    },
  };
}
