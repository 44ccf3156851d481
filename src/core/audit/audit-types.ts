import type { MemberId, OrgId } from '../shared/ids.js';

/**
 * What was changed, as data: one literal per kind of change a person, a token or a job makes. The audit trail stores
 * these, never sentences; a reader's language is applied when the entries are shown or exported.
 */
export const AUDIT_KINDS = [
  'settings.update',
  'routing.update',
  'scoring.update',
  'team.update',
  'member.identities',
  'member.roles',
  'member.availability',
  'member.leave',
  'token.create',
  'token.revoke',
  'lead.assign',
  'lead.reassign',
  'lead.bulk_assign',
  'customer.stage',
  'lead.approval',
  'task.approval',
  'complaint.assign',
  'export.run',
  'backup.make',
  'backup.restore',
  'backup.drill',
] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

/**
 * Who made the change: a member (by chat or the dashboard), an API token (its id and name), the service itself (a
 * scheduled job: `via.job` names it), or a person at the command line (`npm run backup`): the database in hand and
 * no member behind it, so the entry names the operating-system user who ran it.
 */
export type AuditActor = {
  readonly kind: 'member' | 'api' | 'system' | 'cli';
  readonly memberId?: MemberId;
  /** The member's name at the time (so the entry still reads after a rename or a departure), or the OS user's. */
  readonly name?: string;
  readonly tokenId?: string;
  readonly tokenName?: string;
};

/** From where: the chat platform, the API, a scheduled job or the command line (`cli`, with the npm script's name). */
export type AuditVia = {
  readonly platform?: 'slack' | 'dingtalk' | 'wecom' | 'sandbox';
  readonly api?: true;
  readonly job?: string;
  readonly cli?: true;
  readonly script?: string;
};

export type AuditTarget = { readonly type: string; readonly id: string; readonly label?: string };

/** A JSON-like value: what before/after/details may hold (no functions, no class instances but Date). */
export type AuditValue =
  | string
  | number
  | boolean
  | null
  | Date
  | readonly AuditValue[]
  | { readonly [key: string]: AuditValue | undefined };
export type AuditFields = { readonly [field: string]: AuditValue | undefined };

export type AuditEntry = {
  /**
   * Deterministic where the operation has a key of its own (a request's idempotency key, a webhook's event id, a
   * backup's id): the same change recorded twice by a retry is stored once. Absent: a fresh id per entry.
   */
  readonly key?: string;
  readonly orgId: OrgId;
  readonly at: Date;
  readonly actor: AuditActor;
  readonly via: AuditVia;
  readonly kind: AuditKind;
  readonly target: AuditTarget;
  /** For configuration: only the changed fields, before and after; secrets are never here (see changedFields). */
  readonly before?: AuditFields;
  readonly after?: AuditFields;
  readonly details?: AuditFields;
  /** When the entry may be dropped: `at` plus the org's audit retention when it was written (audit.retentionDays). */
  readonly expireAt: Date;
};
