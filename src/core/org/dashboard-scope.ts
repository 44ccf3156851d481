import { DomainError } from '../shared/errors.js';
import type { Caller } from './caller.js';
import { can } from './permissions.js';

const REPORT_ACTIONS = [
  'report.read_org',
  'report.read_team',
  'report.read_own',
  'report.after_sales',
] as const;

/** The dashboard is for members whose role sees some report figure (which ones: core/reports' report-scope.ts). */
export function assertCanSeeReports(caller: Caller): void {
  if (!REPORT_ACTIONS.some((action) => can(caller, action)))
    throw new DomainError('FORBIDDEN', { action: 'dashboard.open', roles: caller.roles });
}
