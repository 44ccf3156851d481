import type { Caller } from '../org/index.js';
import type { Clock } from '../shared/clock.js';
import { auditExpiry, auditRetentionDaysOf } from './audit-retention.js';
import type { AuditActor, AuditEntry, AuditFields, AuditKind, AuditTarget, AuditVia } from './audit-types.js';
import type { AuditLog } from './ports.js';

/** What a use-case says about its change; who, when and from where come from the caller and the clock. */
export type AuditChange = {
  readonly kind: AuditKind;
  readonly target: AuditTarget;
  readonly before?: AuditFields;
  readonly after?: AuditFields;
  readonly details?: AuditFields;
  /** The operation's own key (idempotency key, event id), so a retried request is recorded once. */
  readonly key?: string;
};

/**
 * What an audited use-case needs. `audit` is optional so that use-cases keep working where nothing is wired (unit
 * tests of other rules); the composition root always wires it (test/audit/audit-wiring.test.ts checks that).
 */
export type AuditDeps = { readonly audit?: AuditLog; readonly clock?: Clock };

/**
 * Records one change, after it was made (the change is the truth; an entry for a change that failed would lie).
 * One insert, no reads: the actor and origin are on the caller already. See README "Audit trail" on durability.
 */
export async function recordAudit(deps: AuditDeps, caller: Caller, change: AuditChange): Promise<void> {
  if (!deps.audit) return;
  await deps.audit.record(auditEntryOf(caller, change, deps.clock?.now() ?? new Date()));
}

export function auditEntryOf(caller: Caller, change: AuditChange, at: Date): AuditEntry {
  return {
    ...(change.key ? { key: change.key } : {}),
    orgId: caller.org.id,
    at,
    actor: actorOf(caller),
    via: viaOf(caller),
    kind: change.kind,
    target: change.target,
    ...(change.before ? { before: change.before } : {}),
    ...(change.after ? { after: change.after } : {}),
    ...(change.details ? { details: change.details } : {}),
    expireAt: auditExpiry(at, auditRetentionDaysOf(caller.org.settings)),
  };
}

function actorOf(caller: Caller): AuditActor {
  const origin = caller.origin;
  if (caller.kind === 'api' && !caller.member) {
    return {
      kind: 'api',
      ...(origin?.tokenId ? { tokenId: origin.tokenId } : {}),
      ...(origin?.tokenName ? { tokenName: origin.tokenName } : {}),
    };
  }
  if (caller.member) {
    return {
      kind: caller.kind === 'api' ? 'api' : 'member',
      memberId: caller.member.id,
      name: caller.member.name,
      ...(origin?.tokenId ? { tokenId: origin.tokenId } : {}),
      ...(origin?.tokenName ? { tokenName: origin.tokenName } : {}),
    };
  }
  // A script run by hand is a person, not the service: named by the OS user, so "who" is never blank.
  if (origin?.script) return { kind: 'cli', ...(origin.osUser ? { name: origin.osUser } : {}) };
  return { kind: 'system' };
}

function viaOf(caller: Caller): AuditVia {
  const origin = caller.origin;
  return {
    ...(origin?.platform ? { platform: origin.platform } : {}),
    ...(caller.kind === 'api' || origin?.tokenName ? { api: true as const } : {}),
    ...(origin?.job ? { job: origin.job } : {}),
    ...(origin?.script ? { cli: true as const, script: origin.script } : {}),
  };
}
