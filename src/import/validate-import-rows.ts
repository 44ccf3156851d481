import { type LeadInput, leadInputSchema } from '../core/leads/lead-input.js';
import { type ImportCheck as Check, checkRows, type GoodRow as Good } from './check-rows.js';
import { type HeaderPlan, planHeaders } from './lead-headers.js';
import { mapLeadRow } from './map-lead-row.js';
import type { RawRow } from './raw-rows.js';

export type { RejectedRow } from './check-rows.js';
export type GoodRow = Good<LeadInput>;
export type ImportCheck = Check<LeadInput>;

export const DEFAULT_IMPORT_SOURCE = 'import';

/** Maps each row to a LeadInput and checks it with the API's own schema, without sending anything. */
export function validateImportRows(
  rows: readonly RawRow[],
  options: { readonly defaultSource?: string } = {},
): ImportCheck {
  const source = options.defaultSource ?? DEFAULT_IMPORT_SOURCE;
  return checkRows(rows, {
    planHeaders,
    mapRow: (cells, plan) => mapLeadRow(cells, plan as HeaderPlan, source),
    parse: (row) => leadInputSchema.safeParse(row),
    // The source is required: a stand-in keeps its own problem from being reported a second time.
    standIns: { source: DEFAULT_IMPORT_SOURCE },
  });
}
