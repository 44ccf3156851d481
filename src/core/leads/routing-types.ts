import type { MemberId } from '../shared/ids.js';

export const STRATEGIES = ['round_robin', 'weighted', 'load_balanced', 'pool'] as const;
export type Strategy = (typeof STRATEGIES)[number];

/** Why a member was passed over; the card and the API turn the code into words. */
export type SkipReason = 'inactive' | 'on_leave' | 'not_a_rep' | 'at_daily_cap' | 'private_pool_full';

/** A team member as routing sees them at the moment of the decision. */
export type RoutingCandidate = {
  readonly memberId: MemberId;
  readonly active: boolean;
  readonly onLeave: boolean;
  readonly isRep: boolean;
  readonly dailyCap: number;
  readonly assignedToday: number;
  readonly openLeads: number;
  readonly privatePoolCapacity: number;
  /** For `weighted`: an explicit weight or one derived from recent conversion; ≤ 0 means "never". */
  readonly weight: number;
};

export type PickResult = {
  readonly ownerId?: MemberId;
  /** 1-based place of the owner in the team's rotation order. */
  readonly position?: number;
  readonly skipped: readonly { readonly memberId: MemberId; readonly why: SkipReason }[];
};
