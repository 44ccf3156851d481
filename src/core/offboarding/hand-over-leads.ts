import type { Caller, Member } from '../org/index.js';
import { leadHandOverChange } from './lead-hand-over-change.js';
import type { OffboardDeps } from './ports.js';

/** Leads per round: one query and one bulk write each (a rep with 500 leads is 3 rounds, not 500 writes). */
export const HAND_OVER_BATCH = 200;
/** A lock held by a live run; it is renewed after every batch, so only a dead run's lapses. */
export const OFFBOARDING_LEASE_MS = 2 * 60_000;
// A round where every lead changed under us (a race with the deadline job) is retried, but not for ever.
const MAX_IDLE_ROUNDS = 3;

/**
 * Hands every open lead the leaver still owns to the receiver (or the pool), batch by batch. Each round asks again
 * for "still owned by the leaver", so a rerun after a crash finds exactly what is left, and a lead moved twice is
 * impossible: each move is conditional on the version read.
 */
export async function handOverLeads(
  deps: OffboardDeps,
  caller: Caller,
  leaver: Member,
  receiver: Member | undefined,
): Promise<number> {
  const org = caller.org.id;
  let moved = 0;
  let idle = 0;
  while (idle < MAX_IDLE_ROUNDS) {
    const batch = await deps.offboarding.openLeadsOf(org, leaver.id, HAND_OVER_BATCH);
    if (batch.length === 0) break;
    const at = deps.clock.now();
    const moves = batch.map((lead) => ({
      lead,
      change: leadHandOverChange(caller, leaver, lead, at, receiver),
    }));
    const applied = await deps.offboarding.moveLeads(org, moves);
    // Counted after the write: no slot is taken for a lead that did not move.
    if (receiver && applied > 0) await deps.offboarding.addOpenLeads(org, receiver.id, applied);
    moved += applied;
    idle = applied === 0 ? idle + 1 : 0;
    await deps.offboarding.renew(org, leaver.id, new Date(at.getTime() + OFFBOARDING_LEASE_MS));
  }
  return moved;
}
