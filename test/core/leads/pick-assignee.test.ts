import { describe, expect, it } from 'vitest';
import { importantRule, pickAssignee, seniorsOnly } from '../../../src/core/leads/pick-assignee.js';
import type { RoutingCandidate } from '../../../src/core/leads/routing-types.js';
import type { Org } from '../../../src/core/org/types.js';
import { type MemberId, memberId } from '../../../src/core/shared/ids.js';

const rep = (id: string, over: Partial<RoutingCandidate> = {}): RoutingCandidate => ({
  memberId: memberId(id),
  active: true,
  onLeave: false,
  isRep: true,
  senior: true,
  intern: false,
  dailyCap: 1_000_000,
  assignedToday: 0,
  openLeads: 0,
  privatePoolCapacity: 1_000_000,
  weight: 1,
  pass: 0,
  ...over,
});

/** Routes `n` leads one by one, moving each owner's state on as storage would, and records who got what. */
function simulate(
  strategy: 'round_robin' | 'weighted' | 'load_balanced',
  team: RoutingCandidate[],
  n: number,
) {
  const state = team.map((c) => ({ ...c }));
  const counts = new Map<MemberId, number>();
  const order: (MemberId | undefined)[] = [];
  let pooled = 0;
  for (let i = 0; i < n; i++) {
    const { ownerId, nextPass } = pickAssignee(strategy, state);
    order.push(ownerId);
    if (!ownerId) {
      pooled++;
      continue;
    }
    const owner = state.find((c) => c.memberId === ownerId)!;
    Object.assign(owner, {
      assignedToday: owner.assignedToday + 1,
      openLeads: owner.openLeads + 1,
      pass: nextPass,
    });
    counts.set(ownerId, (counts.get(ownerId) ?? 0) + 1);
  }
  return { counts, pooled, state, order };
}

describe('pickAssignee', () => {
  it('gives every eligible rep within 1 of the ideal share over 1,000 leads (round robin)', () => {
    const team = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((id) => rep(id));
    const { counts, order } = simulate('round_robin', team, 1000);
    for (const c of team) expect(Math.abs((counts.get(c.memberId) ?? 0) - 1000 / 7)).toBeLessThanOrEqual(1);
    // A rotation in the team's order: a b c … g a b c …
    expect(order.slice(0, 9)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'a', 'b']);
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
    const result = pickAssignee('round_robin', team);
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

  it('lets a member back from leave rejoin the rotation instead of taking a burst of leads', () => {
    const team = [rep('a', { pass: 50 }), rep('b', { pass: 50 }), rep('back', { pass: 3 })];
    const { order, counts } = simulate('round_robin', team, 30);
    // "back" goes first (it waited longest), then turns go round: no run of catch-up leads.
    expect(order[0]).toBe('back');
    for (let i = 1; i < order.length; i++) expect(order[i]).not.toBe(order[i - 1]);
    for (const c of team) expect(counts.get(c.memberId)).toBe(10);
  });

  it('passes over a member a concurrent intake just took, and reports them as busy', () => {
    const team = [rep('a'), rep('b'), rep('c')];
    const result = pickAssignee('round_robin', team, new Set([memberId('a')]));
    expect(result.ownerId).toBe('b');
    expect(result.skipped).toEqual([{ memberId: 'a', why: 'busy' }]);
  });

  it('shares leads in proportion to weights and interleaves them (weighted)', () => {
    const team = [rep('star', { weight: 3 }), rep('mid', { weight: 2 }), rep('new', { weight: 1 })];
    const { counts, order } = simulate('weighted', team, 600);
    expect(counts.get(memberId('star'))).toBe(300);
    expect(counts.get(memberId('mid'))).toBe(200);
    expect(counts.get(memberId('new'))).toBe(100);
    // Interleaved, not in blocks: nobody gets three in a row, and "new" gets one of every six.
    for (let i = 2; i < order.length; i++)
      expect(order[i] === order[i - 1] && order[i] === order[i - 2]).toBe(false);
    for (let start = 0; start + 6 <= 60; start += 6) {
      expect(order.slice(start, start + 6).filter((o) => o === 'new')).toHaveLength(1);
    }
  });

  it('never gives a weighted lead to a member of weight 0', () => {
    const team = [rep('zero', { weight: 0 }), rep('one', { weight: 1 })];
    const result = pickAssignee('weighted', team);
    expect(result.ownerId).toBe('one');
    expect(result.skipped).toEqual([{ memberId: 'zero', why: 'zero_weight' }]);
  });

  it('gives the lead to whoever has the fewest open leads, taking turns on ties (load balanced)', () => {
    const team = [
      rep('busy', { openLeads: 9 }),
      rep('idle1', { openLeads: 2 }),
      rep('idle2', { openLeads: 2 }),
    ];
    const { order, state } = simulate('load_balanced', team, 20);
    expect(order.slice(0, 2)).toEqual(['idle1', 'idle2']);
    const loads = state.map((c) => c.openLeads).sort((x, y) => x - y);
    expect(loads.at(-1)! - loads[0]!).toBeLessThanOrEqual(1);
  });

  it('assigns nobody for the pool strategy or an empty team', () => {
    expect(pickAssignee('pool', [rep('a')])).toEqual({ skipped: [] });
    expect(pickAssignee('round_robin', [])).toEqual({ skipped: [] });
  });

  it('skips juniors as not_senior for a lead kept to seniors, and gives it to a senior', () => {
    const team = [rep('a', { senior: false }), rep('b'), rep('c', { senior: false })];
    const pick = pickAssignee('round_robin', team, new Set(), new Set(), 'seniors_only');
    expect(pick.ownerId).toBe('b');
    expect(pick.skipped).toEqual([
      { memberId: 'a', why: 'not_senior' },
      { memberId: 'c', why: 'not_senior' },
    ]);
    expect(pickAssignee('round_robin', team).ownerId).toBe('a');
  });

  it('never gives an important lead to an intern, even while juniors may have it', () => {
    const team = [rep('a', { senior: false, intern: true }), rep('b', { senior: false }), rep('c')];
    for (const rule of ['no_interns', 'seniors_only'] as const) {
      const pick = pickAssignee('round_robin', team, new Set(), new Set(), rule);
      expect(pick.skipped[0]).toEqual({ memberId: 'a', why: 'intern' });
      expect(pick.ownerId).toBe(rule === 'no_interns' ? 'b' : 'c');
    }
    const org = { settings: { importantToSeniors: false } } as unknown as Org;
    expect(importantRule(org, 'important')).toBe('no_interns');
    expect(importantRule(org, 'normal')).toBe('open');
    // An ordinary lead goes to the intern in turn.
    expect(pickAssignee('round_robin', team, new Set(), new Set(), 'open').ownerId).toBe('a');
  });

  it('says only seniors get important leads unless the org turned it off', () => {
    const org = (importantToSeniors?: boolean) =>
      ({ settings: importantToSeniors === undefined ? {} : { importantToSeniors } }) as Org;
    expect([
      seniorsOnly(org(), 'important'),
      seniorsOnly(org(false), 'important'),
      seniorsOnly(org(), 'normal'),
    ]).toEqual([true, false, false]);
  });
});
