import type { ExportFilter, ExportKind, ExportScope, ScopeClause } from '../../core/exports/index.js';
import { mustObjectId } from '../object-id.js';

/**
 * Where each kind is read from in the database: the date `from`/`to` apply to, the index that keeps the order
 * (its keys are `{ orgId, <date>, … }`, so the sort comes from the index and a 1,000,000-row export never sorts in
 * memory) and which stored field each scope clause names.
 */
export type KindSpec = {
  readonly dateField: string;
  /** The index's keys, given to MongoDB as the hint (an index of these keys is declared beside the model). */
  readonly index: Readonly<Record<string, 1 | -1>>;
  readonly sort: Readonly<Record<string, 1>>;
  /** Always part of the filter (follow-ups: the current version of each record only). */
  readonly always?: Readonly<Record<string, unknown>>;
  /** Fields a row never shows, left on the server (bounded histories, routing detail). */
  readonly omit: readonly string[];
};

export const KIND_SPECS: Readonly<Record<ExportKind, KindSpec>> = {
  leads: {
    dateField: 'createdAt',
    index: { orgId: 1, createdAt: 1, _id: 1 },
    sort: { createdAt: 1, _id: 1 },
    omit: ['history', 'assignment', 'cooldowns', 'pendingRelease', 'keys', 'fingerprint', 'idempotencyKey'],
  },
  'follow-ups': {
    dateField: 'at',
    index: { orgId: 1, at: 1 },
    sort: { at: 1 },
    always: { supersededAt: { $exists: false } },
    omit: ['requestKey'],
  },
  customers: {
    dateField: 'createdAt',
    index: { orgId: 1, createdAt: 1, _id: 1 },
    sort: { createdAt: 1, _id: 1 },
    omit: [],
  },
  orders: {
    dateField: 'signedAt',
    index: { orgId: 1, signedAt: 1, _id: 1 },
    sort: { signedAt: 1, _id: 1 },
    omit: [],
  },
  complaints: {
    dateField: 'createdAt',
    index: { orgId: 1, createdAt: 1 },
    sort: { createdAt: 1 },
    omit: ['history'],
  },
  tasks: {
    dateField: 'assignedAt',
    index: { orgId: 1, assignedAt: 1, _id: 1 },
    sort: { assignedAt: 1, _id: 1 },
    omit: ['history', 'pauses'],
  },
  audit: {
    // The trail's own newest-first index (GET /api/v1/audit), walked backwards: oldest first, as every export.
    dateField: 'at',
    index: { orgId: 1, at: -1, _id: -1 },
    sort: { at: 1, _id: 1 },
    omit: [],
  },
};

const ids = (values: readonly string[]) => ({ $in: values.map(mustObjectId) });

/** One clause as a MongoDB condition (see ScopeClause). */
function clauseFilter(clause: ScopeClause): Record<string, unknown> {
  if ('owner' in clause) return { ownerId: mustObjectId(clause.owner) };
  if ('teams' in clause) return { teamId: ids(clause.teams) };
  if ('pooledTeam' in clause) return { teamId: mustObjectId(clause.pooledTeam), status: 'pooled' };
  if ('authors' in clause) return { authorId: ids(clause.authors) };
  if ('customerOwners' in clause) return { customerOwnerId: ids(clause.customerOwners) };
  if ('assignees' in clause) return { assigneeId: ids(clause.assignees) };
  // An audit entry keeps its actor's member id as a string (audit-entry-model.ts).
  return { 'actor.memberId': { $in: [...clause.actors] } };
}

/** A scope as conditions to AND in: none for `all`; an `$or` of its clauses (an empty one matches nothing). */
function scopeFilter(scope: ExportScope): Record<string, unknown>[] {
  if (scope.kind === 'all') return [];
  // `$in: []` matches nothing: a scope without clauses exports an empty file, never the whole org.
  if (scope.clauses.length === 0) return [{ _id: { $in: [] } }];
  const [only] = scope.clauses;
  return scope.clauses.length === 1 && only
    ? [clauseFilter(only)]
    : [{ $or: scope.clauses.map(clauseFilter) }];
}

/** The whole query of one export: the org, the period on the kind's date, the scope and the team asked. */
export function exportQueryOf(kind: ExportKind, filter: ExportFilter): Record<string, unknown> {
  const spec = KIND_SPECS[kind];
  const range = {
    ...(filter.from ? { $gte: filter.from } : {}),
    ...(filter.to ? { $lt: filter.to } : {}),
  };
  const and = [...scopeFilter(filter.scope), ...(filter.team ? scopeFilter(filter.team) : [])];
  return {
    orgId: mustObjectId(filter.orgId),
    ...(filter.from || filter.to ? { [spec.dateField]: range } : {}),
    ...(spec.always ?? {}),
    ...(and.length === 1 ? and[0] : and.length > 1 ? { $and: and } : {}),
  };
}

/**
 * The index to read by: the kind's date index, except one rep's follow-ups, where their author index (its keys
 * `{ orgId, authorId, at, … }` also give the order) reads only their records instead of the whole org's.
 */
export function exportHintOf(kind: ExportKind, filter: ExportFilter): Readonly<Record<string, 1 | -1>> {
  const [only] = filter.scope.kind === 'any' ? filter.scope.clauses : [];
  const oneAuthor =
    kind === 'follow-ups' && !filter.team && filter.scope.kind === 'any' && filter.scope.clauses.length === 1;
  if (oneAuthor && only && 'authors' in only && only.authors.length === 1)
    return { orgId: 1, authorId: 1, at: 1, version: 1 };
  return KIND_SPECS[kind].index;
}
