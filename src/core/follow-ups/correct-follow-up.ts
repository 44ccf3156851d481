import { type Lead, leadNotices } from '../leads/index.js';
import type { Caller } from '../org/index.js';
import { DomainError, validationFailed } from '../shared/errors.js';
import { assertMayCorrect, visibleRecord } from './follow-up-access.js';
import { isLeadOpen, parseFollowUpFields } from './follow-up-input.js';
import type { FollowUp, FollowUpInput } from './follow-up-types.js';
import { planLead } from './plan-lead.js';
import type { FollowUpDeps, NewFollowUp } from './ports.js';

const CORRECTABLE = ['channel', 'content', 'outcome', 'nextStep', 'nextContactAt'] as const;

export type CorrectFollowUpInput = Omit<FollowUpInput, 'leadId'> & { readonly followUpId: string };

/**
 * A correction (更正) is a new version of the record, never an overwrite: same `recordId`, the next version, the
 * changed fields, `correctedAt` and who corrected it; the version it replaces is marked `supersededAt`. Two
 * corrections of one version at once: the unique (orgId, recordId, version) index lets one win, the other is a
 * CONFLICT. The fields are checked as when recorded (a next contact in the past is refused), nothing can be removed.
 */
export async function correctFollowUp(
  deps: Pick<FollowUpDeps, 'leads' | 'followUps' | 'clock' | 'notifier'>,
  caller: Caller,
  input: CorrectFollowUpInput,
): Promise<FollowUp> {
  const { followUpId, ...given } = input;
  const { followUp: current, lead } = await visibleRecord(deps, caller, followUpId);
  assertMayCorrect(caller, current, lead);
  if (current.supersededAt) throw new DomainError('FOLLOW_UP_SUPERSEDED', { followUpId: current.id });
  const now = deps.clock.now();
  const changes = parseFollowUpFields(caller.org, now, given, undefined);
  const changed = CORRECTABLE.filter((k) => changes[k] !== undefined);
  if (changed.length === 0) {
    throw validationFailed([
      {
        field: '(body)',
        message: `give at least one of ${CORRECTABLE.join(', ')}`,
        problem: { kind: 'one_of', fields: CORRECTABLE, exactly: false },
      },
    ]);
  }
  // The new version says who corrected it now: nothing of the last correction's carries over.
  const {
    id: _id,
    supersededAt: _s,
    requestKey: _k,
    correctedById: _by,
    correctedByName: _name,
    correctedAt: _at,
    ...kept
  } = current;
  const version: NewFollowUp = {
    ...kept,
    ...Object.fromEntries(changed.map((k) => [k, changes[k]])),
    version: current.version + 1,
    correctedAt: now,
    ...(caller.member ? { correctedById: caller.member.id, correctedByName: caller.member.name } : {}),
  };
  const result = await deps.followUps.insert(version);
  if (!('followUp' in result)) throw new DomainError('CONFLICT', { followUpId: current.id });
  await deps.followUps.supersede(caller.org.id, current.id, now);
  if (changes.nextContactAt) await movePlan(deps, caller, lead, current.recordId, changes.nextContactAt);
  return result.followUp;
}

/**
 * A corrected next contact time of the lead's latest follow-up moves the plan with it (the reminder comes at the
 * corrected time), in one conditional write on the version read; an older record's correction changes only the
 * record. A lead changed meanwhile keeps its own plan: the correction stands, and the next follow-up plans anew.
 */
async function movePlan(
  deps: Pick<FollowUpDeps, 'leads' | 'clock' | 'notifier'>,
  caller: Caller,
  lead: Lead,
  recordId: string,
  nextContactAt: Date,
): Promise<void> {
  if (lead.lastFollowUp?.id !== recordId || !isLeadOpen(lead)) return;
  const now = deps.clock.now();
  const member = caller.member;
  const updated = await deps.leads.updateIf(
    caller.org.id,
    lead.id,
    { version: lead.version },
    {
      set: { plan: planLead(caller.org, lead, now, { nextContactAt }) },
      event: {
        type: 'follow_up_corrected',
        at: now,
        ...(member ? { actorId: member.id, actorName: member.name } : {}),
        ...(lead.ownerId ? { ownerId: lead.ownerId } : {}),
      },
    },
  );
  if (updated) await deps.notifier.publish(caller.org.id, leadNotices(updated));
}
