import { describe, expect, it } from 'vitest';
import type { LeadRepository } from '../../../src/core/leads/ports.js';
import { ladderFrom, ladderStart } from '../../../src/core/pools/ladder.js';
import { runLeadDeadlines } from '../../../src/core/pools/run-lead-deadlines.js';
import type { LeadId } from '../../../src/core/shared/ids.js';
import { AT, HOUR, leadWorld, MANAGER, REP_A, REP_B, ROUND_ROBIN } from '../lead-world.js';

const LADDER = ['assigned', 'nudged', 'escalated', 'reclaimed'];

/** `n` leads assigned to REP_A at AT, on the org's ladder. */
async function onTheClock(
  w: ReturnType<typeof leadWorld>,
  n: number,
  grade: 'normal' | 'important' = 'normal',
) {
  const ids: LeadId[] = [];
  for (let i = 0; i < n; i++) {
    const lead = await w.store({
      contact: { name: `客户 ${i}` },
      status: 'assigned',
      grade,
      ownerId: REP_A.id,
      ownerName: REP_A.name,
      assignedAt: AT,
      followUpStatus: 'unfollowed',
      ...ladderStart(ladderFrom(w.org, AT)),
      history: [{ type: 'assigned', at: AT, ownerId: REP_A.id }],
    });
    ids.push(lead.id);
  }
  w.roster.add(REP_A, { open: n });
  return ids;
}

const historyOf = async (w: ReturnType<typeof leadWorld>, ids: readonly LeadId[]) =>
  Promise.all(ids.map(async (id) => (await w.leads.get(w.org.id, id))!.history.map((e) => e.type)));

/** Pool cards posted to the team, counted once per idempotency key as the outbox stores them. */
const poolPosts = (w: ReturnType<typeof leadWorld>) =>
  new Set(
    w.notifier
      .notices()
      .filter((n) => n.kind === 'lead.card' && n.mode === 'post' && n.to.kind === 'team')
      .map((n) => n.idempotencyKey),
  ).size;

describe('runLeadDeadlines', () => {
  it('handles only what is due, once', async () => {
    const w = leadWorld();
    const ids = await onTheClock(w, 3);
    expect(await runLeadDeadlines(w.deps)).toBe(0);
    w.clock.advance(24 * HOUR + 1);
    expect(await runLeadDeadlines(w.deps)).toBe(3);
    expect(await runLeadDeadlines(w.deps)).toBe(0);
    for (const h of await historyOf(w, ids)) expect(h).toEqual(['assigned', 'nudged']);
  });

  it('climbs the whole ladder when the clock jumps: nudge, the manager copied in, then back to the pool', async () => {
    const w = leadWorld();
    const [id] = await onTheClock(w, 1);
    w.clock.advance(49 * HOUR);
    expect(await runLeadDeadlines(w.deps)).toBe(3);
    const lead = (await w.leads.get(w.org.id, id!))!;
    expect(lead.history.map((e) => e.type)).toEqual(LADDER);
    expect(lead.history[2]).toMatchObject({ type: 'escalated', managerId: MANAGER.id });
    expect(lead).toMatchObject({ status: 'pooled', cooldowns: [{ memberId: REP_A.id }] });
    expect(lead.dueAt).toBeUndefined();
    expect(w.roster.stateOf(REP_A.id).open).toBe(0);
    expect(poolPosts(w)).toBe(1);
  });

  it('finishes a run that crashed midway, with every step taken exactly once', async () => {
    const w = leadWorld();
    const ids = await onTheClock(w, 6);
    w.clock.advance(49 * HOUR);
    let writes = 0;
    // The same fake, one write at a time, until the process "dies" at the eighth.
    const crashing: LeadRepository = Object.assign(Object.create(w.leads) as LeadRepository, {
      async updateIf(...args: Parameters<LeadRepository['updateIf']>) {
        if (++writes > 7) throw new Error('process killed');
        return w.leads.updateIf(...args);
      },
    });
    await expect(runLeadDeadlines({ ...w.deps, leads: crashing })).rejects.toThrow('process killed');
    expect((await historyOf(w, ids)).some((h) => h.length < LADDER.length)).toBe(true);
    await runLeadDeadlines(w.deps);
    for (const h of await historyOf(w, ids)) expect(h).toEqual(LADDER);
    // Each reclaim posted one pool card: none lost to the crash, none doubled by the re-run.
    expect(poolPosts(w)).toBe(6);
  });

  it('lets two runners at once take each step once', async () => {
    const w = leadWorld();
    const ids = await onTheClock(w, 5);
    w.clock.advance(49 * HOUR);
    const [a, b] = await Promise.all([runLeadDeadlines(w.deps), runLeadDeadlines(w.deps)]);
    expect(a + b).toBe(15);
    for (const h of await historyOf(w, ids)) expect(h).toEqual(LADDER);
    expect(poolPosts(w)).toBe(5);
  });

  it('sends an important lead to the director instead of the pool', async () => {
    const w = leadWorld();
    const [id] = await onTheClock(w, 1, 'important');
    w.clock.advance(49 * HOUR);
    await runLeadDeadlines(w.deps);
    const lead = (await w.leads.get(w.org.id, id!))!;
    expect(lead).toMatchObject({
      status: 'assigned',
      ownerId: REP_A.id,
      pendingRelease: { type: 'timeout' },
    });
    expect(lead.pendingRelease?.candidates.map((c) => c.memberId)).toEqual([REP_B.id]);
    expect(w.notifier.notices().map((n) => n.kind)).toContain('lead.approval');
  });

  it('re-routes a reclaimed lead to the next eligible rep, never the one it came from, when the org says so', async () => {
    const w = leadWorld({ settings: { reclaimTo: 'reroute', routing: ROUND_ROBIN } });
    const [id] = await onTheClock(w, 1);
    w.clock.advance(49 * HOUR);
    await runLeadDeadlines(w.deps);
    const lead = (await w.leads.get(w.org.id, id!))!;
    const now = new Date(AT.getTime() + 49 * HOUR);
    expect(lead).toMatchObject({ status: 'assigned', ownerId: REP_B.id, assignedAt: now, dueStep: 'nudge' });
    expect(lead.history.at(-1)).toMatchObject({
      type: 'reclaimed',
      ownerId: REP_B.id,
      fromOwnerId: REP_A.id,
    });
    expect(w.roster.stateOf(REP_B.id)).toMatchObject({ open: 1, today: 1 });
  });
});
