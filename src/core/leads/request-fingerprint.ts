import { createHash } from 'node:crypto';
import type { LeadInput } from './lead-input.js';

/**
 * What one intake request asked for, as a SHA-256 of its canonical validated input (keys sorted at every level,
 * absent fields left out). Stored with the lead, it tells a true retry (same key, same lead) from a key reused for
 * another lead. It hashes the input after validation, so spelling the same phone number another way, or adding a
 * blank field, is still the same request.
 */
export function requestFingerprint(input: LeadInput): string {
  return createHash('sha256').update(canonical(input)).digest('hex');
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
