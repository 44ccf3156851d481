import {
  type FollowUpDeps,
  type FollowUpInput,
  missingFollowUpFields,
  type RequiredFollowUpField,
  recordFollowUp,
} from '../../core/follow-ups/index.js';
import { findLead } from '../../core/leads/index.js';
import { actingMember, type Caller } from '../../core/org/index.js';
import { assertOwnLead } from '../../core/pools/index.js';

// The follow-up use-cases chat calls, in one place: the one-line command, the guided exchange and the Slack form
// all go through these, so they ask for and record exactly what the API would.

export type FollowUpEntryDeps = FollowUpDeps;

/** Records the follow-up; `requestKey` makes a repeated final write (a retry, a second instance) harmless. */
export async function recordEnteredFollowUp(
  deps: FollowUpEntryDeps,
  caller: Caller,
  input: FollowUpInput & { readonly requestKey?: string },
): Promise<void> {
  await recordFollowUp(deps, caller, input);
}

/**
 * The required fields the input lacks for its lead. Nothing is asked that could not be recorded: a lead that does
 * not exist, or is not the member's, is refused at once (the same refusal the record would give).
 */
export async function missingFieldsOf(
  deps: FollowUpEntryDeps,
  caller: Caller,
  input: FollowUpInput,
): Promise<readonly RequiredFollowUpField[]> {
  const lead = await findLead(deps.leads, caller.org.id, input.leadId);
  assertOwnLead(lead, actingMember(caller, 'lead.follow_up'), 'follow_up');
  const { leadId: _ref, ...given } = input;
  return missingFollowUpFields(given, lead);
}

export { outcomeChoicesOf } from '../follow-up-outcomes.js';
