import { describe, expect, it } from 'vitest';
import { pickAssignee } from '../../../src/core/leads/pick-assignee.js';
import type { RoutingCandidate } from '../../../src/core/leads/routing-types.js';
import { type MemberId, memberId } from '../../../src/core/shared/ids.js';

const rep = (id: string, over: Partial<RoutingCandidate> = {}): RoutingCandidate => ({
  memberId: memberId(id),
  active: true,
  onLeave: false,
  isRep: true,
  dailyCap: 1_000_000,
  assignedToday: 0,
  openLeads: 0,
  privatePoolCapacity: 1_000_000,
  weight: 1,
  ...over,
});

/** Routes `n` leads one by one, updating each owner's counters as storage would, and counts who got what. */
function simulate(
  strategy: 'round_robin' | 'weighted' | 'load_balanced',
  team: RoutingCandidate[],
  n: number,
) {
  const state = team.map((c) => ({ ...c }));
  const counts = new Map<MemberId, number>();
  let pooled = 0;
  for (let ticket = 0; ticket < n; ticket++) {
    const { ownerId } = pickAssignee(strategy, state, ticket);
    if (!ownerId) {
      pooled++;
      continue;
    }
    const owner = state.find((c) => c.memberId === ownerId)!;
    Object.assign(owner, { assignedToday: owner.assignedToday + 1, openLeads: owner.openLeads + 1 });
    counts.set(ownerId, (counts.get(ownerId) ?? 0) + 1);
  }
  return { counts, pooled, state };
}

describe('pickAssignee', () => {
  it('gives every eligible rep within 1 of the ideal share over 1,000 leads (round robin)', () => {
    const team = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((id) => rep(id));
    const { counts } = simulate('round_robin', team, 1000);
    for (const c of team) expect(Math.abs((counts.get(c.memberId) ?? 0) - 1000 / 7)).toBeLessThanOrEqual(1);
  });

  it('never exceeds a daily cap and pools the rest once everyone is full (junior 10, senior 20)', () => {
    const team = [
      rep('junior1', { dailyCap: 10 }),
      rep('senior1', { dailyCap: 20 }),
      rep('junior2', { dailyCap: 10 }),
    ];
    const { counts, pooled, state } = simulate('round_robin', team, 1000);
    expect(counts.get(memberId('junior1'))).toBe(10);
    expect(counts.get(memberId('senior1'))).toBe(20);
    expect(counts.get(memberId('junior2'))).toBe(10);
    expect(pooled).toBe(960);
    for (const c of state) expect(c.assignedToday).toBeLessThanOrEqual(c.dailyCap);
  });

  it('skips members on leave, inactive, not reps, at cap or with a full private pool, saying why', () => {
    const team = [
      rep('leave', { onLeave: true }),
      rep('gone', { active: false }),
      rep('boss', { isRep: false }),
      rep('capped', { dailyCap: 3, assignedToday: 3 }),
      rep('full', { privatePoolCapacity: 30, openLeads: 30 }),
      rep('ok'),
    ];
    const result = pickAssignee('round_robin', team, 0);
    expect(result.ownerId).toBe('ok');
    expect(result.position).toBe(6);
    expect(result.skipped).toEqual([
      { memberId: 'leave', why: 'on_leave' },
      { memberId: 'gone', why: 'inactive' },
      { memberId: 'boss', why: 'not_a_rep' },
      { memberId: 'capped', why: 'at_daily_cap' },
      { memberId: 'full', why: 'private_pool_full' },
    ]);
  });

  it('takes the next seat after a skipped member, so the rotation does not restart', () => {
    const team = [rep('a'), rep('b', { onLeave: true }), rep('c')];
    expect(pickAssignee('round_robin', team, 1).ownerId).toBe('c');
    expect(pickAssignee('round_robin', team, 2).ownerId).toBe('c');
    expect(pickAssignee('round_robin', team, 3).ownerId).toBe('a');
  });

  it('shares leads in proportion to weights and interleaves them (weighted)', () => {
    const team = [rep('star', { weight: 3 }), rep('mid', { weight: 2 }), rep('new', { weight: 1 })];
    const { counts } = simulate('weighted', team, 600);
    expect(counts.get(memberId('star'))).toBe(300);
    expect(counts.get(memberId('mid'))).toBe(200);
    expect(counts.get(memberId('new'))).toBe(100);
    // Interleaved, not in blocks: any six consecutive tickets hold exactly 3/2/1, and nobody gets three in a row.
    const order = Array.from({ length: 30 }, (_, t) => pickAssignee('weighted', team, t).ownerId);
    for (let start = 0; start + 6 <= order.length; start++) {
      const window = order.slice(start, start + 6);
      expect(window.filter((o) => o === 'star')).toHaveLength(3);
      expect(window.filter((o) => o === 'new')).toHaveLength(1);
    }
    for (let i = 2; i < order.length; i++)
      expect(order[i] === order[i - 1] && order[i] === order[i - 2]).toBe(false);
  });

  it('gives the lead to whoever has the fewest open leads, taking turns on ties (load balanced)', () => {
    const team = [
      rep('busy', { openLeads: 9 }),
      rep('idle1', { openLeads: 2 }),
      rep('idle2', { openLeads: 2 }),
    ];
    expect(pickAssignee('load_balanced', team, 0).ownerId).toBe('idle1');
    expect(pickAssignee('load_balanced', team, 1).ownerId).toBe('idle2');
    const { state } = simulate('load_balanced', team, 20);
    const loads = state.map((c) => c.openLeads).sort((x, y) => x - y);
    expect(loads.at(-1)! - loads[0]!).toBeLessThanOrEqual(1);
  });

  it('assigns nobody for the pool strategy or an empty team', () => {
    expect(pickAssignee('pool', [rep('a')], 0)).toEqual({ skipped: [] });
    expect(pickAssignee('round_robin', [], 5)).toEqual({ skipped: [] });
  });
});
