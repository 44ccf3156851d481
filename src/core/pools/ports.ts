import type { LeadRepository, RosterRepository } from '../leads/index.js';
import type { Clock } from '../shared/clock.js';
import type { Notifier } from '../shared/notices.js';

/**
 * What the pools need of the roster: a team read (the reps a director may give a lead to) and the private-pool
 * counters. The mongo roster repository implements them together with routing's turns, on the member documents.
 */
export type PoolRoster = Pick<
  RosterRepository,
  'load' | 'reservePoolSlot' | 'unreservePoolSlot' | 'freePoolSlot' | 'freePoolSlots' | 'addToPool'
>;

/** The ports every pool use-case (claim, release, follow-up, decision) is given. */
export type ClaimDeps = {
  readonly leads: LeadRepository;
  readonly roster: PoolRoster;
  readonly notifier: Notifier;
  readonly clock: Clock;
};
