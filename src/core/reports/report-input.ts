import { z } from 'zod';
import { validationFailed } from '../shared/errors.js';
import { type TeamId, teamId } from '../shared/ids.js';
import { parseInput } from '../shared/validate.js';
import { PERIOD_WORDS, parsePeriodWord, weekOf } from './report-period.js';
import { REPORT_SECTIONS, type ReportPeriod, type ReportSection } from './report-types.js';

const MAX_DAYS = 366;

/** What a report is asked for: `from`/`to` (ISO instants) or a period word, a team, the sections wanted. */
export const reportInputSchema = z.strictObject({
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  period: z.string().trim().min(1).max(20).optional(),
  team: z.string().trim().min(1).max(100).optional(),
  sections: z.array(z.enum(REPORT_SECTIONS)).min(1).optional(),
});
export type ReportInput = z.input<typeof reportInputSchema>;

export type ParsedReportInput = {
  readonly period: ReportPeriod;
  readonly teamId?: TeamId;
  readonly sections?: readonly ReportSection[];
};

const issue = (
  field: string,
  message: string,
  problem: Parameters<typeof validationFailed>[0][number]['problem'],
) => validationFailed([{ field, message, ...(problem ? { problem } : {}) }]);

/** The period asked for, in the org's zone: a word, `from`+`to`, only one of them, or (nothing) the current week. */
export function parseReportInput(input: unknown, now: Date, timeZone: string): ParsedReportInput {
  const parsed = parseInput(reportInputSchema, input);
  const period = periodOf(parsed, now, timeZone);
  if (!(period.from < period.to) || period.to.getTime() - period.from.getTime() > MAX_DAYS * 86_400_000)
    throw issue('to', `after from, at most ${MAX_DAYS} days later`, { kind: 'out_of_order' });
  return {
    period,
    ...(parsed.team ? { teamId: teamId(parsed.team) } : {}),
    ...(parsed.sections ? { sections: parsed.sections } : {}),
  };
}

function periodOf(parsed: z.output<typeof reportInputSchema>, now: Date, timeZone: string): ReportPeriod {
  if (parsed.period) {
    if (parsed.from || parsed.to)
      throw issue('period', 'give a period or from/to, not both', {
        kind: 'one_of',
        fields: ['period', 'from'],
        exactly: true,
      });
    const named = parsePeriodWord(parsed.period, now, timeZone);
    if (!named)
      throw issue('period', `one of ${PERIOD_WORDS.join(', ')} or YYYY-MM`, {
        kind: 'not_one_of',
        allowed: [...PERIOD_WORDS, 'YYYY-MM'],
      });
    return named;
  }
  const week = weekOf(now, timeZone);
  return {
    from: parsed.from ?? (parsed.to ? weekOf(parsed.to, timeZone).from : week.from),
    to: parsed.to ?? (parsed.from ? now : week.to),
  };
}
