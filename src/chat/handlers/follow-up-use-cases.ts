import {
  type FollowUpInput,
  REQUIRED_FOLLOW_UP_FIELDS,
  type RequiredFollowUpField,
} from '../../core/follow-ups/index.js';
import { findLead } from '../../core/leads/index.js';
import { actingMember, type Caller } from '../../core/org/index.js';
import type { Org } from '../../core/org/types.js';
import { assertOwnLead, type ClaimDeps, recordFollowUp } from '../../core/pools/index.js';
import { DEFAULT_OUTCOME_CHOICES, type OutcomeChoice } from '../follow-up-outcomes.js';

// The follow-up use-cases chat calls, in one place. Until the follow-ups domain's recordFollowUp and
// missingFollowUpFields are merged, these stand in for them over the minimal follow-up of the pools domain
// (content as its text); the handlers do not change when they are swapped.

export type FollowUpEntryDeps = ClaimDeps;

/** Records the follow-up; `requestKey` makes a repeated final write (a retry, a second instance) harmless. */
export async function recordEnteredFollowUp(
  deps: FollowUpEntryDeps,
  caller: Caller,
  input: FollowUpInput & { readonly requestKey?: string },
): Promise<void> {
  await recordFollowUp(deps, caller, { leadId: input.leadId, text: input.content ?? '' });
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
  return REQUIRED_FOLLOW_UP_FIELDS.filter((field) => input[field] === undefined);
}

/** The org's outcome list (the follow-ups settings once merged). */
export function outcomeChoicesOf(_org: Org): readonly OutcomeChoice[] {
  return DEFAULT_OUTCOME_CHOICES;
}
