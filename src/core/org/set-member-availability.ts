import { type AuditDeps, recordAudit } from '../audit/index.js';
import type { Clock } from '../shared/clock.js';
import { DomainError } from '../shared/errors.js';
import type { MemberId } from '../shared/ids.js';
import type { Notifier } from '../shared/notices.js';
import type { Caller } from './caller.js';
import { memberStatusNotice } from './member-status-notice.js';
import { assertCan } from './permissions.js';
import type { MemberRepository, OrgRepository, TeamRepository } from './ports.js';
import { type Availability, dailyCapOf, type Member } from './types.js';

export type SetAvailabilityDeps = {
  readonly orgs: OrgRepository;
  readonly teams: TeamRepository;
  readonly members: MemberRepository;
  readonly notifier: Notifier;
  readonly clock: Clock;
} & AuditDeps;

/** Puts a member on leave or back to work; routing skips members on leave. Managers may do it for others. */
export async function setMemberAvailability(
  deps: SetAvailabilityDeps,
  caller: Caller,
  input: { readonly memberId: MemberId; readonly availability: Availability },
): Promise<Member> {
  const { memberId: target, availability } = input;
  const orgId = caller.org.id;
  assertCan(
    caller,
    target === caller.member?.id ? 'member.set_availability.self' : 'member.set_availability.other',
  );
  const org = await deps.orgs.get(orgId);
  if (!org) throw new DomainError('ORG_NOT_FOUND', { orgId: orgId });
  const updated = await deps.members.setAvailability(orgId, target, availability);
  if (!updated) throw new DomainError('MEMBER_NOT_FOUND', { memberId: target });
  const team = updated.teamId ? await deps.teams.get(orgId, updated.teamId) : undefined;
  // Platform retries are dropped by event id before they get here; the time makes every real change its own update.
  const stamp = `${availability}:${deps.clock.now().getTime()}`;
  await deps.notifier.publish(orgId, [
    memberStatusNotice(updated, team, dailyCapOf(updated, org.settings), 'update', stamp),
  ]);
  const about = { type: 'member', id: updated.id, label: updated.name };
  await recordAudit(deps, caller, { kind: 'member.availability', target: about, after: { availability } });
  return updated;
}
