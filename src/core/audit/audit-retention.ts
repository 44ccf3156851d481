import type { OrgSettings } from '../org/index.js';

/** Three years, unless the org sets `audit.retentionDays`. */
export const DEFAULT_AUDIT_RETENTION_DAYS = 1095;

export type AuditSettings = { readonly retentionDays: number };

export function auditRetentionDaysOf(settings: Pick<OrgSettings, 'audit'>): number {
  return settings.audit?.retentionDays ?? DEFAULT_AUDIT_RETENTION_DAYS;
}

/** When an entry written at `at` expires: the org's retention as it is at write time (a later change is not retroactive). */
export function auditExpiry(at: Date, retentionDays: number): Date {
  return new Date(at.getTime() + retentionDays * 86_400_000);
}
