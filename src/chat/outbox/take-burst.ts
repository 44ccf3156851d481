import type { OutboxEntry, OutboxStore } from './outbox-store.js';

export type Burst = { readonly entries: readonly OutboxEntry[] } | { readonly holdMs: number };

/** The key under which a burst's last message is remembered, beside the conversations' pacing times. */
export const burstKey = (entry: Pick<OutboxEntry, 'orgId' | 'group'>) =>
  `burst:${entry.orgId}:${entry.group}`;

/**
 * What to send for a leased entry of a group. Coalescing happens here, at delivery, over entries that are already
 * durable: nothing waits in memory, so a crash inside the window loses nothing (the entries stay in the outbox and
 * are leased again when their lease ends). The first notice of a quiet group goes at once, alone, or with whatever
 * of its burst is already waiting (a batch of 600 leads is one card). Once the group has been told, what follows
 * within the window is held, in one write, until the window ends, and then goes out as one summary.
 *
 * The window's start is kept per process (like pacing): after a restart a group may be told once sooner, never
 * lost. Two deliverers racing for one group split it and may send two summaries; each entry is still told once.
 */
export async function takeBurst(
  deps: { readonly outbox: OutboxStore; readonly lastSentAt: ReadonlyMap<string, number> },
  entry: OutboxEntry,
  now: Date,
  options: { readonly coalesceMs: number; readonly leaseMs: number },
): Promise<Burst> {
  if (!entry.group || options.coalesceMs <= 0) return { entries: [entry] };
  const last = deps.lastSentAt.get(burstKey(entry));
  const windowEnd = last === undefined ? 0 : last + options.coalesceMs;
  if (windowEnd > now.getTime()) {
    await deps.outbox.holdGroup(entry.orgId, entry.group, new Date(windowEnd));
    return { holdMs: windowEnd - now.getTime() };
  }
  return { entries: await deps.outbox.claimGroup(entry.orgId, entry.group, entry.id, now, options.leaseMs) };
}
