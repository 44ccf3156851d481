import { complaintScope, taskScope } from '../after-sales/index.js';
import { type LeadScope, leadScope } from '../leads/index.js';
import { type Action, assertCan, type Caller, dataScope, type Member } from '../org/index.js';

import { DomainError } from '../shared/errors.js';
import type { MemberId, TeamId } from '../shared/ids.js';
import type { ExportKind } from './export-kinds.js';
import type { ExportScope, ScopeClause } from './ports.js';

/** The permission each kind's export needs (core/org/permissions.ts). */
export const EXPORT_ACTIONS: Readonly<Record<ExportKind, Action>> = {
  leads: 'export.leads',
  'follow-ups': 'export.follow_ups',
  customers: 'export.customers',
  orders: 'export.orders',
  complaints: 'export.complaints',
  tasks: 'export.tasks',
  // The same right as GET /api/v1/audit: the trail is one thing, however it is read.
  audit: 'audit.read',
};

const ALL: ExportScope = { kind: 'all' };
const any = (...clauses: ScopeClause[]): ExportScope => ({ kind: 'any', clauses });

/** Members of these teams, from the member list the export read once. */
const membersOf = (members: readonly Member[], teamIds: readonly TeamId[]): MemberId[] =>
  members.filter((m) => m.teamId !== undefined && teamIds.includes(m.teamId)).map((m) => m.id);

/** A manager's people: their teams' members and themselves (the lead scope's `team`). */
const peopleOf = (scope: Extract<LeadScope, { kind: 'team' }>, members: readonly Member[]): MemberId[] => [
  ...new Set([scope.memberId, ...membersOf(members, scope.teamIds)]),
];

function forbidden(kind: ExportKind, caller: Caller): never {
  throw new DomainError('FORBIDDEN', { action: EXPORT_ACTIONS[kind], roles: caller.roles });
}

/** Leads, customers and orders follow their data scope (core/org/data-scope.ts): own, the teams', all. */
function ownedScope(scope: LeadScope, caller: Caller, kind: ExportKind, pool: boolean): ExportScope {
  if (scope.kind === 'org') return ALL;
  if (scope.kind === 'team') return any({ owner: scope.memberId }, { teams: scope.teamIds });
  if (scope.kind === 'own')
    return any({ owner: scope.memberId }, ...(pool && scope.teamId ? [{ pooledTeam: scope.teamId }] : []));
  return forbidden(kind, caller);
}

/**
 * Which records of a kind the caller may export: the same rules as the lists they see in chat and the API (lead
 * scope, listCustomers, complaintScope, taskScope), so an export never shows more than the screens do. A manager's
 * follow-ups and complaints are their teams' people's (the issue's data scope: "manager — their teams").
 */
export function exportScopeOf(caller: Caller, kind: ExportKind, members: readonly Member[]): ExportScope {
  assertCan(caller, EXPORT_ACTIONS[kind]);
  switch (kind) {
    case 'leads':
      return ownedScope(leadScope(caller), caller, kind, true);
    case 'customers':
    case 'orders':
      // The customers' scope, as listCustomers applies it (the complaint centre serves every customer).
      return ownedScope(dataScope(caller).customers, caller, kind, false);
    case 'follow-ups': {
      const scope = leadScope(caller);
      if (scope.kind === 'org') return ALL;
      if (scope.kind === 'team') return any({ authors: peopleOf(scope, members) });
      if (scope.kind === 'own') return any({ authors: [scope.memberId] });
      return forbidden(kind, caller);
    }
    case 'complaints': {
      // The complaint lists' own rule: a manager's teams' people's customers, a rep's own, staff their tasks'.
      const scope = complaintScope(caller, members);
      if (!scope) return forbidden(kind, caller);
      if (scope.assigneeId) return any({ assignees: [scope.assigneeId] });
      if (scope.customerOwnerIds) return any({ customerOwners: [...scope.customerOwnerIds] });
      return ALL;
    }
    case 'tasks': {
      const scope = taskScope(caller);
      return scope.assigneeId ? any({ assignees: [scope.assigneeId] }) : ALL;
    }
    case 'audit':
      // Only admins hold audit.read (checked above), and an admin reads the org's whole trail.
      return ALL;
  }
}

/** The `team` asked for, as a scope ANDed with the caller's: that team's records, or its people's. */
export function teamFilterOf(kind: ExportKind, teamId: TeamId, members: readonly Member[]): ExportScope {
  const people = membersOf(members, [teamId]);
  switch (kind) {
    case 'leads':
    case 'customers':
    case 'orders':
      return any({ teams: [teamId] });
    case 'follow-ups':
      return any({ authors: people });
    case 'complaints':
      return any({ customerOwners: people });
    case 'tasks':
      return any({ assignees: people });
    case 'audit':
      return any({ actors: people });
  }
}
