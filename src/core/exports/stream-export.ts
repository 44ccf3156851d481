import { recordAudit } from '../audit/index.js';
import { outcomeOf } from '../follow-ups/index.js';
import { maskPhone } from '../leads/index.js';
import { type Caller, canSeePhone, type Member, type Team } from '../org/index.js';
import type { MemberId, TeamId } from '../shared/ids.js';
import { exportFileName } from './export-file-name.js';
import type { ExportFormat, ExportKind } from './export-kinds.js';
import { type ExportQuery, type ParsedExportQuery, parseExportQuery } from './export-query.js';
import { EXPORT_COLUMNS } from './export-registry.js';
import { exportScopeOf, teamFilterOf } from './export-scope.js';
import type { Cell, ExportRecordOf, RowContext } from './export-types.js';
import type { ExportDeps, ExportFilter, ExportProgress, ExportSink } from './ports.js';

/**
 * An export checked and ready to run: what the HTTP route needs before it sends its headers (the format, the file
 * name), so a bad field or a refusal is a 400 or 403 and never half a file.
 */
export type ExportPlan = {
  readonly planned: true;
  readonly kind: ExportKind;
  readonly format: ExportFormat;
  readonly fileName: string;
  readonly filter: ExportFilter;
  readonly context: RowContext;
};

export type ExportResult = { readonly kind: ExportKind; readonly fileName: string; readonly rows: number };

// How often onProgress hears of it: often enough for a smooth bar, rarely enough to cost nothing per row.
const PROGRESS_EVERY = 1000;

/** The names of people and teams, read once per export (never per row), and the phone rule of the caller. */
function rowContext(caller: Caller, members: readonly Member[], teams: readonly Team[]): RowContext {
  const memberById = new Map<string, Member>(members.map((m) => [m.id, m]));
  const teamById = new Map<string, string>(teams.map((t) => [t.id, t.name]));
  const showPhones = canSeePhone(caller);
  return {
    locale: caller.locale,
    timeZone: caller.org.settings.timeZone,
    memberName: (id: MemberId | undefined) => (id ? memberById.get(id)?.name : undefined),
    teamName: (id: TeamId | undefined) => (id ? teamById.get(id) : undefined),
    teamOfMember: (id: MemberId | undefined) => (id ? memberById.get(id)?.teamId : undefined),
    showPhones,
    phone: (value) =>
      value === undefined || value === '' ? undefined : showPhones ? value : maskPhone(value),
    outcomeName: (key) => (key === undefined ? undefined : (outcomeOf(caller.org, key)?.name ?? key)),
  };
}

/**
 * Checks an export: the query's fields (every bad one named), the permission for the kind, and the caller's data
 * scope (export-scope.ts), reading the org's members and teams once for the scope, the team asked and the names.
 */
export async function planExport(
  deps: ExportDeps,
  caller: Caller,
  query: ExportQuery | unknown,
): Promise<ExportPlan> {
  const orgId = caller.org.id;
  const [members, teams] = await Promise.all([deps.members.list(orgId), deps.teams.list(orgId)]);
  const timeZone = caller.org.settings.timeZone;
  const parsed: ParsedExportQuery = parseExportQuery(query, { timeZone, teams });
  const scope = exportScopeOf(caller, parsed.kind, members);
  const filter: ExportFilter = {
    orgId,
    scope,
    ...(parsed.from ? { from: parsed.from } : {}),
    ...(parsed.to ? { to: parsed.to } : {}),
    ...(parsed.teamId ? { team: teamFilterOf(parsed.kind, parsed.teamId, members) } : {}),
  };
  const fileName = exportFileName({
    kind: parsed.kind,
    format: parsed.format,
    locale: caller.locale,
    timeZone,
    now: deps.clock.now(),
    ...(parsed.from ? { from: parsed.from } : {}),
    ...(parsed.to ? { to: parsed.to } : {}),
  });
  return {
    planned: true,
    kind: parsed.kind,
    format: parsed.format,
    fileName,
    filter,
    context: rowContext(caller, members, teams),
  };
}

const isPlan = (value: unknown): value is ExportPlan =>
  typeof value === 'object' && value !== null && (value as { planned?: unknown }).planned === true;

/** One kind's rows, header first; generic so the kind's columns and its reader's records agree. */
async function writeRows<K extends ExportKind>(
  deps: ExportDeps,
  plan: ExportPlan & { readonly kind: K },
  sink: ExportSink,
  onProgress: ((progress: ExportProgress) => void) | undefined,
  signal: AbortSignal | undefined,
): Promise<number> {
  const columns = EXPORT_COLUMNS[plan.kind];
  const reader = deps.source[plan.kind];
  const { context } = plan;
  await sink.header(columns.map((c) => c.header[context.locale]));
  // Counting costs one more query, so only a caller who shows progress pays for it.
  const total = onProgress ? await reader.count(plan.filter) : undefined;
  const progress = (rows: number) => onProgress?.({ rows, ...(total !== undefined ? { total } : {}) });
  progress(0);
  let rows = 0;
  for await (const record of reader.read(plan.filter, signal) as AsyncIterable<ExportRecordOf<K>>) {
    // A client gone (the route aborts) stops here; leaving the loop closes the reader's cursor.
    signal?.throwIfAborted();
    const cells: Cell[] = columns.map((c) => c.cell(record, context));
    await sink.row(cells);
    rows += 1;
    if (rows % PROGRESS_EVERY === 0) progress(rows);
  }
  progress(rows);
  return rows;
}

/**
 * Streams one export into a sink (a CSV or XLSX writer): the caller's records of the kind in the period, one row
 * each, in the order of an indexed key, with phones masked unless the caller may see them (`member.see_phone`).
 * Memory stays flat: the reader yields a batch at a time and each row waits for the sink to take it. Takes the raw
 * query (validated here) or a plan the HTTP route made first to answer 400/403 before any byte is sent.
 */
export async function streamExport(
  deps: ExportDeps,
  caller: Caller,
  query: ExportQuery | ExportPlan,
  sink: ExportSink,
  onProgress?: (progress: ExportProgress) => void,
  signal?: AbortSignal,
): Promise<ExportResult> {
  const plan = isPlan(query) ? query : await planExport(deps, caller, query);
  const rows = await writeRows(deps, plan, sink, onProgress, signal);
  await sink.end();
  // After the file is whole: an export cut short (the client left, the database failed) was not an export.
  await recordAudit(deps, caller, {
    kind: 'export.run',
    target: { type: 'export', id: plan.kind, label: plan.fileName },
    details: {
      kind: plan.kind,
      format: plan.format,
      ...(plan.filter.from ? { from: plan.filter.from } : {}),
      ...(plan.filter.to ? { to: plan.filter.to } : {}),
      rows,
    },
  });
  return { kind: plan.kind, fileName: plan.fileName, rows };
}
