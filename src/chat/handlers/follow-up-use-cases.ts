import {
  DEFAULT_OUTCOMES_EN,
  DEFAULT_OUTCOMES_ZH_CN,
  type FollowUpDeps,
  type FollowUpInput,
  missingFollowUpFields,
  outcomesOf,
  type RequiredFollowUpField,
  recordFollowUp,
} from '../../core/follow-ups/index.js';
import { findLead } from '../../core/leads/index.js';
import { actingMember, type Caller } from '../../core/org/index.js';
import type { Org } from '../../core/org/types.js';
import { assertOwnLead } from '../../core/pools/index.js';
import type { OutcomeChoice } from '../follow-up-outcomes.js';

// The follow-up use-cases chat calls, in one place.

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
 * The required fields the input lacks for its lead (none for a closed one). Nothing is asked that could not be
 * recorded: a lead that does not exist, or is not the member's, is refused at once (the record's own refusal).
 */
export async function missingFieldsOf(
  deps: FollowUpEntryDeps,
  caller: Caller,
  input: FollowUpInput,
): Promise<readonly RequiredFollowUpField[]> {
  const lead = await findLead(deps.leads, caller.org.id, input.leadId);
  assertOwnLead(lead, actingMember(caller, 'lead.follow_up'), 'follow_up');
  return missingFollowUpFields(input, lead);
}

/**
 * The org's outcome list as chat matches it: each by key and name, and a default outcome also by its name in the
 * other language (an English-speaking rep of a Chinese org may type "trial booked").
 */
export function outcomeChoicesOf(org: Org): readonly OutcomeChoice[] {
  const defaults = [...DEFAULT_OUTCOMES_ZH_CN, ...DEFAULT_OUTCOMES_EN];
  return outcomesOf(org).map((o) => ({
    key: o.key,
    name: o.name,
    aliases: defaults.filter((d) => d.key === o.key).map((d) => d.name),
  }));
}
