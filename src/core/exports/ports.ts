import type { AuditLog } from '../audit/index.js';
import type { MemberRepository, TeamRepository } from '../org/index.js';
import type { Clock } from '../shared/clock.js';
import type { MemberId, OrgId, TeamId } from '../shared/ids.js';
import type { ExportKind } from './export-kinds.js';
import type { Cell, ExportRecordOf } from './export-types.js';

/**
 * One condition of a caller's data scope, in the domain's words; the storage adapter turns a list of them into one
 * `$or`. A record is in scope when any clause holds (see export-scope.ts for who gets which).
 */
export type ScopeClause =
  /** The record's owner (a lead's, a customer's, an order's). */
  | { readonly owner: MemberId }
  /** Any of these teams' records (a manager's teams). */
  | { readonly teams: readonly TeamId[] }
  /** A team's public pool (公海): its leads that nobody owns. */
  | { readonly pooledTeam: TeamId }
  /** Follow-ups written by these members. */
  | { readonly authors: readonly MemberId[] }
  /** Complaints of these members' customers. */
  | { readonly customerOwners: readonly MemberId[] }
  /** Complaints and tasks assigned to these members. */
  | { readonly assignees: readonly MemberId[] }
  /** Audit entries of changes these members made (a team asked of the audit export). */
  | { readonly actors: readonly MemberId[] };

/** `all`: the whole org; otherwise the records matching any clause (none: nothing). */
export type ExportScope =
  | { readonly kind: 'all' }
  | { readonly kind: 'any'; readonly clauses: readonly ScopeClause[] };

/**
 * What the storage adapter is asked for: one org, one period of the kind's own date (a lead's and a customer's
 * creation, a follow-up's time, an order's signing, a complaint's creation, a task's assignment, an audit entry's
 * time; `to` exclusive),
 * the caller's scope, and a team asked for, ANDed with it.
 */
export type ExportFilter = {
  readonly orgId: OrgId;
  readonly from?: Date;
  readonly to?: Date;
  readonly scope: ExportScope;
  readonly team?: ExportScope;
};

/**
 * Reads one kind's records in the order of an indexed key, a batch at a time: `read` must keep memory flat however
 * many match, and stop (closing its cursor) when the consumer breaks out of the loop or `signal` aborts.
 */
export interface ExportReader<R> {
  count(filter: ExportFilter): Promise<number>;
  read(filter: ExportFilter, signal?: AbortSignal): AsyncIterable<R>;
}

export type ExportSource = { readonly [K in ExportKind]: ExportReader<ExportRecordOf<K>> };

/**
 * Where rows go: a CSV or XLSX writer over a stream (storage/exports/). `row` resolves once the row is accepted,
 * so a slow reader (a client on a slow link) holds the database cursor back instead of filling memory.
 */
export interface ExportSink {
  header(cells: readonly string[]): Promise<void>;
  row(cells: readonly Cell[]): Promise<void>;
  /** Flushes and ends the file (the XLSX writer finishes its zip here). */
  end(): Promise<void>;
}

export type ExportDeps = {
  readonly source: ExportSource;
  readonly members: Pick<MemberRepository, 'list'>;
  readonly teams: Pick<TeamRepository, 'list'>;
  readonly clock: Clock;
  /** The audit trail (core/audit): `export.run` once per finished export; absent where nothing is wired. */
  readonly audit?: AuditLog;
};

/** Rows written so far, and how many the filter matched when counted (the CLI's progress bar). */
export type ExportProgress = { readonly rows: number; readonly total?: number };
