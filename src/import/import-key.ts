import { createHash } from 'node:crypto';
import type { MappedRow } from './check-rows.js';

/**
 * The idempotency key of an imported row: `import:` + the first 32 hex digits of the SHA-256 of the row's canonical
 * JSON (fields sorted, values trimmed, empty ones left out). It depends on what the row says, not on the file, the
 * column order, the header language or the row's place, so importing the same row again — from the same file after
 * an interruption, or from another export — is a replay on the server and creates nothing.
 */
export function importKey(row: MappedRow): string {
  const digest = createHash('sha256').update(canonicalJson(row)).digest('hex');
  return `import:${digest.slice(0, 32)}`;
}

export function canonicalJson(row: MappedRow): string {
  const entries = Object.entries(row)
    .map(([field, value]) => [field, canonicalValue(value)] as const)
    .filter(([, value]) => value !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(Object.fromEntries(entries));
}

function canonicalValue(value: string | string[] | undefined): string | string[] | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  const list = value.map((v) => v.trim()).filter((v) => v !== '');
  return list.length === 0 ? undefined : list;
}
