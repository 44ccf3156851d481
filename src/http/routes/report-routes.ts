import Router from '@koa/router';
import { z } from 'zod';
import { computeReport, type Report, type ReportDeps, type ReportSection } from '../../core/reports/index.js';
import { parseInput } from '../../core/shared/validate.js';
import type { ApiState } from '../middleware/api-auth.js';
import { toCsv, toXlsx } from './report-files.js';
import { EXPORT_SECTIONS, type ExportSection, reportTables } from './report-tables.js';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const formatSchema = z.enum(['json', 'csv', 'xlsx']).optional();

/** The path's section → the report's section, and what of the report its JSON carries. */
const SECTIONS: Readonly<Record<ExportSection, { section: ReportSection; keys: readonly (keyof Report)[] }>> =
  {
    summary: { section: 'summary', keys: ['total', 'teamMedians'] },
    reps: { section: 'reps', keys: ['reps', 'teamMedians'] },
    funnel: { section: 'funnel', keys: ['funnel'] },
    channels: { section: 'channels', keys: ['channels'] },
    heatmap: { section: 'heatmap', keys: ['heatmap'] },
    'after-sales': { section: 'afterSales', keys: ['afterSales'] },
  };

/** `report-2026-11-02-summary.csv`: the period's first local day and the section. */
const fileName = (report: Report, section: ExportSection, ext: string) =>
  `report-${report.period.from.toLocaleDateString('en-CA', { timeZone: report.timeZone })}-${section}.${ext}`;

/**
 * `GET /reports/{summary,funnel,reps,channels,heatmap,after-sales}?from&to&team&period&format` under /api/v1:
 * JSON by default (the current week in the org's zone), `format=csv|xlsx` as a file headed in the org's language.
 * Every figure and the scope are core's (computeReport); an unknown query field is named in the 400.
 */
export function reportRoutes(deps: ReportDeps): Router<ApiState> {
  const router = new Router<ApiState>();
  for (const name of EXPORT_SECTIONS)
    router.get(`/reports/${name}`, async (ctx) => {
      const { format: rawFormat, ...query } = ctx.query;
      const format =
        parseInput(z.strictObject({ format: formatSchema }), { format: rawFormat }).format ?? 'json';
      const { section, keys } = SECTIONS[name];
      const report = await computeReport(deps, ctx.state.caller, { ...query, sections: [section] });
      if (format === 'json') {
        const { period, timeZone, teams } = report;
        ctx.body = {
          report: { period, timeZone, teams, ...Object.fromEntries(keys.map((k) => [k, report[k]])) },
        };
        return;
      }
      const tables = reportTables(name, report, ctx.state.caller.org.settings.locale);
      ctx.set('content-disposition', `attachment; filename="${fileName(report, name, format)}"`);
      if (format === 'csv') {
        ctx.type = 'text/csv; charset=utf-8';
        ctx.body = toCsv(tables);
      } else {
        ctx.type = XLSX_TYPE;
        ctx.body = await toXlsx(tables);
      }
    });
  return router;
}
