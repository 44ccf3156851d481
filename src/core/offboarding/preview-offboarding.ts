import { assertCan, type Caller } from '../org/index.js';
import { DomainError } from '../shared/errors.js';
import { type MemberId, memberId } from '../shared/ids.js';
import { parseInput } from '../shared/validate.js';
import { afterSalesManagerFor, openTasksOf } from './hand-over-tasks.js';
import { handoverReceiver } from './handover-receiver.js';
import { offboardSchema } from './offboard-member.js';
import type { OffboardDeps } from './ports.js';

export type OffboardingPreview = {
  readonly memberId: MemberId;
  readonly name: string;
  readonly leadCount: number;
  readonly receiver?: { readonly memberId: MemberId; readonly name: string };
  readonly taskCount: number;
  readonly tasksTo?: { readonly memberId: MemberId; readonly name: string };
};

/**
 * What an offboarding would do, for the confirmation card a bulk action needs before it runs ("确认：张伟离职，28 条
 * 线索交给李娜，3 个任务交给许亮？"). Reads only; the same checks as the real run, so a refusal comes before the yes.
 */
export async function previewOffboarding(
  deps: Pick<OffboardDeps, 'offboarding' | 'members' | 'tasks'>,
  caller: Caller,
  input: { readonly memberId: MemberId; readonly body: unknown },
): Promise<OffboardingPreview> {
  assertCan(caller, 'member.offboard');
  const { leadsTo } = parseInput(offboardSchema, input.body);
  const leaver = await deps.members.get(caller.org.id, input.memberId);
  if (!leaver) throw new DomainError('MEMBER_NOT_FOUND', { memberId: input.memberId });
  if (!leaver.active) throw new DomainError('MEMBER_ALREADY_LEFT', { name: leaver.name });
  const receiver =
    leadsTo === 'pool' ? undefined : await handoverReceiver(deps.members, caller, leaver, memberId(leadsTo));
  const tasks = await openTasksOf(deps, caller, leaver);
  const tasksTo = tasks.length > 0 ? await afterSalesManagerFor(deps, caller, leaver) : undefined;
  return {
    memberId: leaver.id,
    name: leaver.name,
    leadCount: await deps.offboarding.countOpenLeads(caller.org.id, leaver.id),
    ...(receiver ? { receiver: { memberId: receiver.id, name: receiver.name } } : {}),
    taskCount: tasks.length,
    ...(tasksTo ? { tasksTo: { memberId: tasksTo.id, name: tasksTo.name } } : {}),
  };
}
