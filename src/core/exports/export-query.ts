import { z } from 'zod';
import type { Team } from '../org/index.js';
import type { FieldIssue } from '../shared/errors.js';
import { validationFailed } from '../shared/errors.js';
import type { TeamId } from '../shared/ids.js';
import { fieldIssues } from '../shared/validate.js';
import { addDays, instantOf } from '../shared/zoned-time.js';
import { EXPORT_FORMATS, EXPORT_KINDS, type ExportFormat, type ExportKind } from './export-kinds.js';

// A day (2026-11-01) or a wall time in the org's zone (2026-11-01T09:30), or an instant with its offset.
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const WALL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;

/** A real calendar day and time (no 2026-02-30, no 25:00) in one of the three forms. */
function isWhen(value: string): boolean {
  if (INSTANT.test(value)) return !Number.isNaN(Date.parse(value));
  const m = DAY.exec(value) ?? WALL.exec(value);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6]].map((v) =>
    Number(v ?? 0),
  );
  const date = new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1));
  return (
    date.getUTCMonth() + 1 === month &&
    date.getUTCDate() === day &&
    (hour ?? 0) < 24 &&
    (minute ?? 0) < 60 &&
    (second ?? 0) < 60
  );
}

const when = z.union([
  z.date(),
  z
    .string()
    .trim()
    .refine(isWhen, {
      params: { problem: { kind: 'bad_format', format: 'date_time' } },
      message: 'a day (2026-11-01) or a date-time (2026-11-01T09:30, or with its offset)',
    }),
]);

/**
 * What an export is asked for, as the API's query string, the CLI's flags and the chat command give it. `from` and
 * `to` are read in the org's time zone; a `to` that is a day includes that day. `team` is a team's id or name.
 */
export const exportQuerySchema = z.strictObject({
  kind: z.enum(EXPORT_KINDS),
  from: when.optional(),
  to: when.optional(),
  team: z.string().trim().min(1).max(100).optional(),
  format: z.enum(EXPORT_FORMATS).default('csv'),
});
export type ExportQuery = z.input<typeof exportQuerySchema>;

export type ParsedExportQuery = {
  readonly kind: ExportKind;
  readonly format: ExportFormat;
  /** Inclusive start and exclusive end, as instants. */
  readonly from?: Date;
  readonly to?: Date;
  readonly teamId?: TeamId;
};

/** An instant from a value of `when`; a day is its start, or (`end`) the start of the next day. */
function instantOfValue(value: Date | string, timeZone: string, end: boolean): Date {
  if (value instanceof Date) return value;
  const day = DAY.exec(value);
  if (day) {
    const wall = { year: Number(day[1]), month: Number(day[2]), day: Number(day[3]), hour: 0, minute: 0 };
    return instantOf(end ? addDays(wall, 1) : wall, timeZone);
  }
  const wall = WALL.exec(value);
  if (wall) {
    const [, y, mo, d, h, mi, s] = wall.map((part) => Number(part ?? 0));
    const at = instantOf(
      { year: y ?? 0, month: mo ?? 1, day: d ?? 1, hour: h ?? 0, minute: mi ?? 0 },
      timeZone,
    );
    return new Date(at.getTime() + (s ?? 0) * 1000);
  }
  return new Date(value);
}

const issue = (field: string, message: string, problem: FieldIssue['problem']): FieldIssue => ({
  field,
  message,
  ...(problem ? { problem } : {}),
});

/** The team a value names: its id, else its exact name (a name two teams share is refused as ambiguous). */
function teamOf(value: string, teams: readonly Team[]): Team | undefined {
  const byId = teams.find((t) => t.id === value);
  if (byId) return byId;
  const named = teams.filter((t) => t.name === value);
  return named.length === 1 ? named[0] : undefined;
}

/** Validates an export's query, naming every bad field at once (VALIDATION_FAILED). */
export function parseExportQuery(
  input: unknown,
  context: { readonly timeZone: string; readonly teams: readonly Team[] },
): ParsedExportQuery {
  const result = exportQuerySchema.safeParse(input, { reportInput: true });
  const issues: FieldIssue[] = result.success ? [] : fieldIssues(result.error);
  const raw = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const teamValue = typeof raw.team === 'string' ? raw.team.trim() : undefined;
  const team = teamValue ? teamOf(teamValue, context.teams) : undefined;
  if (teamValue && !team && !issues.some((i) => i.field === 'team'))
    issues.push(issue('team', 'no team of the org has this id or name', { kind: 'no_such_team' }));
  if (!result.success || issues.length > 0) throw validationFailed(issues);
  const { kind, format } = result.data;
  const from =
    result.data.from === undefined ? undefined : instantOfValue(result.data.from, context.timeZone, false);
  const to =
    result.data.to === undefined ? undefined : instantOfValue(result.data.to, context.timeZone, true);
  if (from && to && !(from < to))
    throw validationFailed([issue('to', 'after from', { kind: 'out_of_order' })]);
  return {
    kind,
    format,
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(team ? { teamId: team.id } : {}),
  };
}
