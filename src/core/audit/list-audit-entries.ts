import { z } from 'zod';
import { assertCan, type Caller } from '../org/index.js';
import { memberId } from '../shared/ids.js';
import { parseInput } from '../shared/validate.js';
import { AUDIT_KINDS, type AuditKind } from './audit-types.js';
import type { AuditQuery, AuditReader, StoredAuditEntry } from './ports.js';

export type ListAuditDeps = { readonly auditReader: AuditReader };

const MEMBER_ID = /^[0-9a-f]{24}$/i;

/**
 * The query as the API takes it (strings): `kind` is one kind or several, comma-separated; `from` is inclusive and
 * `to` exclusive, both instants with their offset (an entry's `at` is an instant, a day would need a time zone).
 */
export const auditQuerySchema = z
  .strictObject({
    actor: z.string().trim().min(1).max(128).optional(),
    kind: z
      .string()
      .transform((s) => s.split(',').map((k) => k.trim()))
      .pipe(z.array(z.enum(AUDIT_KINDS)).min(1))
      .optional(),
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().min(1).max(512).optional(),
  })
  .refine((q) => !q.from || !q.to || Date.parse(q.from) < Date.parse(q.to), {
    path: ['to'],
    message: 'must be after from',
  });

/**
 * The org's audit trail, newest first, a page at a time (admins: `audit.read`). `actor` is a member's id or a name:
 * a name matches the member's name as stored at the time of the change, or an API token's name, so an entry is still
 * found after the member was renamed or left.
 */
export async function listAuditEntries(
  deps: ListAuditDeps,
  caller: Caller,
  input: unknown,
): Promise<{ entries: StoredAuditEntry[]; next?: string }> {
  assertCan(caller, 'audit.read');
  const q = parseInput(auditQuerySchema, input ?? {});
  const query: AuditQuery = {
    limit: q.limit,
    ...(q.actor
      ? MEMBER_ID.test(q.actor)
        ? { actorMemberId: memberId(q.actor.toLowerCase()) }
        : { actorName: q.actor }
      : {}),
    ...(q.kind ? { kinds: q.kind as AuditKind[] } : {}),
    ...(q.from ? { from: new Date(q.from) } : {}),
    ...(q.to ? { to: new Date(q.to) } : {}),
    ...(q.cursor ? { cursor: q.cursor } : {}),
  };
  return deps.auditReader.list(caller.org.id, query);
}
