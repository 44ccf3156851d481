import { z } from 'zod';
import { recordAudit } from '../audit/index.js';
import { assertCan, type Caller, type Member } from '../org/index.js';
import { DomainError } from '../shared/errors.js';
import { type MemberId, memberId } from '../shared/ids.js';
import { parseInput } from '../shared/validate.js';
import { handOverLeads, OFFBOARDING_LEASE_MS } from './hand-over-leads.js';
import { handOverNotices } from './hand-over-notices.js';
import { handOverTasks } from './hand-over-tasks.js';
import { handoverReceiver } from './handover-receiver.js';
import type { LeadsTo, OffboardingResult, OffboardingRun } from './offboarding-types.js';
import type { BeginOutcome, OffboardDeps } from './ports.js';

export const offboardSchema = z.strictObject({
  /** A member's id, or `pool`: each lead back to its own team's public pool. */
  leadsTo: z.union([z.literal('pool'), z.string().regex(/^[0-9a-f]{24}$/i)]),
});

export type OffboardInput = { readonly memberId: MemberId; readonly body: unknown };

/**
 * A member leaves (admins only): inactive from this write on, chat identities unlinked, API tokens revoked, open
 * leads handed to a named member or the pool, open tasks to the after-sales manager, one card per receiver. Their
 * history stays theirs (events, follow-ups and hours keep their id). One conditional write on the member decides a
 * race between two admins, and the run's lease lets a rerun finish a run that died, with the decision first taken.
 */
export async function offboardMember(
  deps: OffboardDeps,
  caller: Caller,
  input: OffboardInput,
): Promise<OffboardingResult> {
  assertCan(caller, 'member.offboard');
  const { leadsTo } = parseInput(offboardSchema, input.body);
  const org = caller.org.id;
  const leaver = await deps.members.get(org, input.memberId);
  if (!leaver) throw new DomainError('MEMBER_NOT_FOUND', { memberId: input.memberId });
  const wanted: LeadsTo =
    leadsTo === 'pool' ? { kind: 'pool' } : { kind: 'member', memberId: memberId(leadsTo) };
  // A fresh run checks the receiver before anything changes; a resumed run keeps the first decision.
  if (leaver.active && wanted.kind === 'member')
    await handoverReceiver(deps.members, caller, leaver, wanted.memberId);
  const at = deps.clock.now();
  const run: OffboardingRun = {
    ...(caller.member ? { byId: caller.member.id, byName: caller.member.name } : {}),
    leadsTo: wanted,
    startedAt: at,
    leaseUntil: new Date(at.getTime() + OFFBOARDING_LEASE_MS),
  };
  const begun = refuseUnlessStarted(
    await deps.offboarding.begin(org, leaver.id, run, leaver.identities),
    leaver,
  );
  // Tokens first: from here on nothing the leaver held can act, whatever happens to the rest of the run.
  const tokensRevoked = await deps.offboarding.revokeMemberTokens(org, leaver.id, at);
  const receiver = await receiverOfRun(deps, caller, leaver, begun.run);
  const leadsMoved = await handOverLeads(deps, caller, leaver, receiver);
  const tasks = await handOverTasks(deps, caller, leaver);
  await deps.notifier.publish(org, await handOverNotices(deps, org, leaver, begun.run, receiver, tasks));
  await deps.offboarding.finish(org, leaver.id, deps.clock.now());
  const result: OffboardingResult = {
    memberId: leaver.id,
    name: leaver.name,
    leftAt: begun.run.startedAt,
    resumed: begun.started === 'resumed',
    leadsTo: receiver ? { kind: 'member', memberId: receiver.id, name: receiver.name } : { kind: 'pool' },
    leadsMoved,
    tasksMoved: tasks.moved.length,
    tasksLeft: tasks.left,
    ...(tasks.to ? { tasksTo: { memberId: tasks.to.id, name: tasks.to.name } } : {}),
    tokensRevoked,
    identitiesUnlinked: begun.started === 'fresh' ? leaver.identities.length : 0,
  };
  // Keyed by the run: a resumed run records the offboarding once, with the counts of the call that finished it.
  await recordAudit(deps, caller, {
    kind: 'member.leave',
    key: `member.leave:${leaver.id}:${begun.run.startedAt.getTime()}`,
    target: { type: 'member', id: leaver.id, label: leaver.name },
    before: { active: true },
    after: { active: false },
    details: {
      leadsTo: result.leadsTo.kind === 'pool' ? 'pool' : result.leadsTo.memberId,
      leadsMoved: result.leadsMoved,
      tasksMoved: result.tasksMoved,
      tasksLeft: result.tasksLeft,
      tokensRevoked: result.tokensRevoked,
      identitiesUnlinked: result.identitiesUnlinked,
      resumed: result.resumed,
    },
  });
  return result;
}

function refuseUnlessStarted(
  outcome: BeginOutcome,
  leaver: Member,
): Extract<BeginOutcome, { started: unknown }> {
  if ('started' in outcome) return outcome;
  if (outcome.refused === 'not_found') throw new DomainError('MEMBER_NOT_FOUND', { memberId: leaver.id });
  const by = outcome.run?.byName ? { byName: outcome.run.byName } : {};
  if (outcome.refused === 'held')
    throw new DomainError('OFFBOARDING_IN_PROGRESS', { name: leaver.name, ...by });
  const at = outcome.run?.finishedAt ?? outcome.leftAt;
  throw new DomainError('MEMBER_ALREADY_LEFT', {
    name: leaver.name,
    ...by,
    ...(at ? { at: at.toISOString() } : {}),
  });
}

/**
 * The stored decision's receiver. A resumed run whose receiver has left meanwhile sends the rest to the pool rather
 * than to someone who cannot act on them.
 */
async function receiverOfRun(
  deps: OffboardDeps,
  caller: Caller,
  leaver: Member,
  run: OffboardingRun,
): Promise<Member | undefined> {
  if (run.leadsTo.kind === 'pool') return undefined;
  const receiver = await deps.members.get(caller.org.id, run.leadsTo.memberId);
  return receiver?.active && receiver.id !== leaver.id ? receiver : undefined;
}
