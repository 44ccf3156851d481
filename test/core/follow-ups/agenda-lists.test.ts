import { describe, expect, it } from 'vitest';
import { type AgendaData, listDueLeads, sendMorningAgenda } from '../../../src/core/follow-ups/index.js';
import type { NewLead } from '../../../src/core/leads/ports.js';
import { followUpId, type OrgId } from '../../../src/core/shared/ids.js';
import { AT, DIRECTOR, HOUR, leadWorld, MANAGER, REP_A, REP_B } from '../lead-world.js';

// The agenda's lists over the fakes: who gets what, in whose scope, once per day.
const DAY = 24 * HOUR;
const at = (ms: number) => new Date(AT.getTime() + ms);
const owned = (owner = REP_A): Partial<NewLead> => ({
  status: 'claimed',
  ownerId: owner.id,
  ownerName: owner.name,
  followUpStatus: 'following',
});

function world() {
  const w = leadWorld();
  const done = new Set<string>();
  const runs = {
    isDone: async (org: OrgId, day: string) => done.has(`${org}:${day}`),
    markDone: async (org: OrgId, day: string) => void done.add(`${org}:${day}`),
  };
  const deps = { ...w.deps, runs };
  return { w, deps };
}

describe('listDueLeads', () => {
  it('gives a rep their own leads only, a manager their team’s too, a director every team', async () => {
    const { w, deps } = world();
    await w.store({ ...owned(REP_A), plan: { nextContactAt: at(HOUR) } });
    await w.store({ ...owned(REP_B), plan: { nextContactAt: at(2 * HOUR) } });
    const rep = await listDueLeads(deps, w.as(REP_A));
    expect([rep.today.mine.count, rep.today.teams.length]).toEqual([1, 0]);
    const manager = await listDueLeads(deps, w.as(MANAGER));
    expect([manager.today.mine.count, manager.today.teams.map((g) => g.count)]).toEqual([0, [2]]);
    const director = await listDueLeads(deps, w.as(DIRECTOR));
    expect(director.today.owners.map((g) => g.count)).toEqual([1, 1]);
  });
});

describe('sendMorningAgenda', () => {
  it('sends each rep and the manager one card at 09:00 local, and nothing more that day', async () => {
    const { w, deps } = world();
    await w.store({ ...owned(), contact: { name: '王磊' }, plan: { nextContactAt: at(3 * HOUR) } });
    await w.store({
      ...owned(),
      grade: 'important',
      lastFollowUp: { id: followUpId('f'), at: at(-6 * DAY), channel: 'phone', count: 1 },
    });
    // AT is 10:00 in Shanghai: the agenda time has come.
    expect(await sendMorningAgenda(deps)).toBe(3);
    expect(await sendMorningAgenda(deps)).toBe(0);
    const cards = w.notifier.notices().filter((n) => n.kind === 'plan.agenda');
    const of = (id: string) =>
      cards.find((n) => n.to.kind === 'member' && n.to.memberId === id)?.data as AgendaData;
    expect(of(REP_A.id).mine.today).toMatchObject({ count: 1, leads: [{ name: '王磊' }] });
    expect(of(REP_A.id).mine.stalled.count).toBe(1);
    expect(of(REP_B.id).mine.today.count).toBe(0);
    expect(of(MANAGER.id).teams).toEqual([expect.objectContaining({ teamName: '华东销售组' })]);
    expect(of(MANAGER.id).teams[0]?.lists.today.count).toBe(1);
    expect(of(DIRECTOR.id)).toBeUndefined();
    expect(new Set(cards.map((n) => n.idempotencyKey)).size).toBe(3);
  });

  it('waits for the org’s own agenda time', async () => {
    const { w, deps } = world();
    const late = { ...w.org, settings: { ...w.org.settings, plan: { agendaAt: '11:30' } } };
    const orgs = { listByPlatform: async (p: string) => (p === late.chat.platform ? [late] : []) };
    expect(await sendMorningAgenda({ ...deps, orgs })).toBe(0);
    w.clock.advance(2 * HOUR);
    expect(await sendMorningAgenda({ ...deps, orgs })).toBe(3);
  });
});
