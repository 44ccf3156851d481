import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Db } from 'mongodb';
import { MARKER_ID, RESTORE_STATE } from './restore-swap.js';

/**
 * Who holds a database's restore marker, and until when. Without it, a second `npm run restore` started while the
 * first is still staging took the first's marker for a crash's leftover: it dropped the first's staging collections,
 * and the two then interleaved their swaps. Now the holder renews a lease while it runs (like takeLeasedRun's run
 * markers), and a marker counts as left by a crash only when its lease has passed — or at once when its holder was a
 * process on this same host that no longer exists, so the run after a `kill -9` completes it without waiting.
 * Every write of the swap is conditioned on the holder, so a run that lost its lease cannot write the marker again.
 */
export type RestoreHolder = {
  /** This run's own id (a host and pid can be reused). */
  readonly owner: string;
  readonly host: string;
  readonly pid: number;
  readonly leaseUntil: Date;
};

/** Renewed every third of it: a run must stall 20 s (a stop-the-world pause, a frozen VM) to lose it. */
export const RESTORE_LEASE_MS = 30_000;

export function newHolder(now: Date, leaseMs = RESTORE_LEASE_MS): RestoreHolder {
  return {
    owner: randomUUID(),
    host: hostname(),
    pid: process.pid,
    leaseUntil: new Date(now.getTime() + leaseMs),
  };
}

/**
 * Whether a marker's holder may still be running. A marker of an older version (no holder recorded) is a crash's
 * leftover: that version had no lease to keep.
 */
export function holderMayBeRunning(marker: Partial<RestoreHolder>, now: Date): boolean {
  if (!marker.owner || !marker.leaseUntil || marker.leaseUntil.getTime() <= now.getTime()) return false;
  if (marker.host === hostname() && marker.pid !== undefined) return processExists(marker.pid);
  return true;
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes a dead holder's marker over in one conditional write: of two runs taking over at once, one wins. */
export async function takeOverMarker(
  db: Db,
  previousOwner: string | undefined,
  holder: RestoreHolder,
): Promise<boolean> {
  const result = await db
    .collection(RESTORE_STATE)
    .updateOne(
      { _id: MARKER_ID as never, owner: previousOwner ?? { $exists: false } },
      { $set: { ...holder } },
    );
  return result.matchedCount === 1;
}

export type LeaseKeeper = {
  /** Throws once the lease was found taken by another run: stop writing. */
  assertHeld(): void;
  stop(): void;
};

/** Renews the holder's lease on a timer until stopped; a renewal that finds another holder marks the lease lost. */
export function keepLease(db: Db, owner: string, leaseMs = RESTORE_LEASE_MS): LeaseKeeper {
  let lost = false;
  const renew = async () => {
    const result = await db
      .collection(RESTORE_STATE)
      .updateOne(
        { _id: MARKER_ID as never, owner },
        { $set: { leaseUntil: new Date(Date.now() + leaseMs) } },
      );
    // No marker at all: the run finished and released it; another owner: it was taken over.
    if (
      result.matchedCount === 0 &&
      (await db.collection(RESTORE_STATE).countDocuments({ _id: MARKER_ID as never })) > 0
    )
      lost = true;
  };
  // A failed renewal (the database briefly away) is tried again at the next tick; the lease has room for two.
  const timer = setInterval(() => void renew().catch(() => {}), Math.max(1, Math.floor(leaseMs / 3)));
  timer.unref();
  return {
    assertHeld() {
      if (lost) throw new Error('this restore lost its lease to another run: stopped before writing more');
    },
    stop() {
      clearInterval(timer);
    },
  };
}
