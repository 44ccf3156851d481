import type { AuditFields, AuditValue } from './audit-types.js';

/** Keys whose values are secrets (a token, its hash, a signing key): recorded as changed, never their value. */
const SECRET_KEY = /(secret|token|hash|password|passphrase|private|apikey|api_key|signingkey|aeskey)/i;
export const REDACTED = '[redacted]';

/**
 * The fields that differ between two configuration objects (top level), as `{ before, after }` holding only those
 * fields: an audit entry says what changed, not the whole configuration. A field absent on one side is absent there.
 */
export function changedFields(
  before: Readonly<Record<string, unknown>>,
  after: Readonly<Record<string, unknown>>,
): { before: AuditFields; after: AuditFields } | undefined {
  const was: Record<string, AuditValue> = {};
  const now: Record<string, AuditValue> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (sameValue(before[key], after[key])) continue;
    if (before[key] !== undefined) was[key] = auditValue(key, before[key]);
    if (after[key] !== undefined) now[key] = auditValue(key, after[key]);
  }
  return Object.keys(was).length + Object.keys(now).length === 0 ? undefined : { before: was, after: now };
}

/** A value fit for an entry: plain data, with every secret-named key (at any depth) replaced by REDACTED. */
export function auditValue(key: string, value: unknown): AuditValue {
  if (SECRET_KEY.test(key)) return REDACTED;
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  if (Array.isArray(value)) return value.map((v) => auditValue('', v));
  if (typeof value === 'object') {
    const out: Record<string, AuditValue> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = auditValue(k, v);
    return out;
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return String(value);
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
