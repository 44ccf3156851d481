import type { MemberId } from '../shared/ids.js';

export const STRATEGIES = ['round_robin', 'weighted', 'load_balanced', 'pool'] as const;
export type Strategy = (typeof STRATEGIES)[number];

/** Why a member was passed over; the card and the API turn the code into words. */
export type SkipReason =
  | 'inactive'
  | 'on_leave'
  | 'not_a_rep'
  | 'at_daily_cap'
  | 'private_pool_full'
  | 'zero_weight'
  | 'busy'
  | 'previous_owner'
  /** An important lead, kept to senior reps by the org's `importantToSeniors` setting. */
  | 'not_senior'
  /** An important lead and an intern (实习): never theirs, whatever the org's `importantToSeniors` says. */
  | 'intern';

/**
 * Who may have a lead by its importance: anyone (`open`), anyone but interns (an important lead while the org lets
 * juniors have them), or senior reps only (an important lead, `importantToSeniors` on).
 */
export type ImportantRule = 'open' | 'no_interns' | 'seniors_only';

/** A team member as routing sees them at the moment of the decision. */
export type RoutingCandidate = {
  readonly memberId: MemberId;
  readonly active: boolean;
  readonly onLeave: boolean;
  readonly isRep: boolean;
  /** A senior rep (资深销售): the only ones given important leads while `importantToSeniors` is on. */
  readonly senior: boolean;
  /** An intern (实习): never given an important lead. */
  readonly intern: boolean;
  readonly dailyCap: number;
  readonly assignedToday: number;
  readonly openLeads: number;
  readonly privatePoolCapacity: number;
  /** For `weighted`: an explicit weight or one derived from recent conversion; ≤ 0 means "never". */
  readonly weight: number;
  /**
   * The member's place in the team's rotation: the service they have received, in turns. The member with the lowest
   * pass goes next; each assignment moves it on by 1 / weight. Stored per member, so it is also the version that a
   * conditional write checks: a concurrent assignment changes it and the loser tries the next member.
   */
  readonly pass: number;
};

export type PickResult = {
  readonly ownerId?: MemberId;
  /** 1-based place of the owner in the team's rotation order. */
  readonly position?: number;
  /** The owner's pass after this assignment. */
  readonly nextPass?: number;
  readonly skipped: readonly { readonly memberId: MemberId; readonly why: SkipReason }[];
};
