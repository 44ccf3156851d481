import { describe, expect, it } from 'vitest';
import { intakeLead } from '../../../src/core/leads/intake-lead.js';
import { intakeLeadsBatch } from '../../../src/core/leads/intake-leads-batch.js';
import { apiCaller } from '../../../src/core/org/caller.js';
import { AT, HOUR, leadWorld, MANAGER, REP_A, REP_B, ROUND_ROBIN, refusal } from '../lead-world.js';

const routed = () => leadWorld({ settings: { routing: ROUND_ROBIN } });
const person = (n: number) => ({
  name: `客户 ${n}`,
  phone: `1380000${String(n).padStart(4, '0')}`,
  source: 'website',
});

describe('intakeLead', () => {
  it('gives an important lead to a senior rep only, the juniors skipped as not_senior, unless the org turns it off', async () => {
    const senior = { ...REP_B, level: 'senior' as const };
    const members = [REP_A, senior, MANAGER];
    const w = leadWorld({ settings: { routing: ROUND_ROBIN }, members });
    const { lead } = await intakeLead(w.deps, w.system, { lead: { ...person(1), grade: 'important' } });
    expect(lead.ownerId).toBe(senior.id);
    expect(lead.assignment?.skipped).toContainEqual({ memberId: REP_A.id, why: 'not_senior' });
    const batch = await intakeLeadsBatch(w.deps, w.system, { leads: [{ ...person(2), grade: 'important' }] });
    expect(batch[0]).toMatchObject({ ok: true, lead: { ownerId: senior.id } });
    const off = leadWorld({ settings: { routing: ROUND_ROBIN, importantToSeniors: false }, members });
    const first = await intakeLead(off.deps, off.system, { lead: { ...person(3), grade: 'important' } });
    expect(first.lead.assignment?.skipped.map((x) => x.why)).not.toContain('not_senior');
  });

  it('routes round robin inside the team, starts the ladder and says why', async () => {
    const w = routed();
    const owners = [];
    for (let i = 0; i < 3; i++) {
      const { lead, created } = await intakeLead(w.deps, w.system, { lead: person(i) });
      expect(created).toBe(true);
      owners.push(lead.ownerId);
    }
    expect(owners).toEqual([REP_A.id, REP_B.id, REP_A.id]);
    const [first] = w.leads.all();
    expect(first).toMatchObject({
      status: 'assigned',
      followUpStatus: 'unfollowed',
      dueStep: 'nudge',
      dueAt: new Date(AT.getTime() + 24 * HOUR),
      assignment: { reason: 'default_rule', strategy: 'round_robin', position: 1, teamSize: 4 },
    });
    expect(w.roster.stateOf(REP_A.id)).toMatchObject({ today: 2, open: 2, day: '2026-03-02' });
  });

  it('answers a replay with the first result and creates nothing new', async () => {
    const w = routed();
    const first = await intakeLead(w.deps, w.system, { lead: person(1), idempotencyKey: 'k-1' });
    // A true retry: the same key with the same lead (a key reused for another lead is refused, see
    // intake-idempotency.test.ts).
    const again = await intakeLead(w.deps, w.system, { lead: person(1), idempotencyKey: 'k-1' });
    expect(again).toEqual({ lead: first.lead, created: false });
    expect(w.leads.all()).toHaveLength(1);
  });

  it('stores a second lead of one customer as a duplicate of the first, unassigned, and tells the first owner', async () => {
    const w = routed();
    const original = await intakeLead(w.deps, w.system, { lead: person(1) });
    const duplicate = await intakeLead(w.deps, w.system, { lead: { ...person(1), source: 'ad' } });
    expect(duplicate.lead).toMatchObject({
      status: 'duplicate',
      duplicateOf: original.lead.id,
      duplicateMatch: ['phone'],
    });
    expect(duplicate.lead.ownerId).toBeUndefined();
    const told = w.notifier.notices().filter((n) => n.kind === 'lead.duplicate');
    expect(told.map((n) => n.to)).toContainEqual({ kind: 'member', memberId: REP_A.id });
  });

  it('stores one original when the same person is posted ten times at the same instant', async () => {
    const w = routed();
    const results = await Promise.all(
      Array.from({ length: 10 }, () => intakeLead(w.deps, w.system, { lead: person(7) })),
    );
    const statuses = results.map((r) => r.lead.status);
    expect(statuses.filter((s) => s === 'assigned')).toHaveLength(1);
    expect(statuses.filter((s) => s === 'duplicate')).toHaveLength(9);
    // The losers' turns were given back: only the one original counts against a cap.
    const today = [REP_A, REP_B].map((m) => w.roster.stateOf(m.id).today ?? 0);
    expect(today.reduce((a, b) => a + b, 0)).toBe(1);
  });

  it('never exceeds a daily cap: 12 leads at once to caps 3 + 2 give exactly 5 out, the rest to the pool', async () => {
    const w = leadWorld({
      settings: { routing: ROUND_ROBIN },
      members: [
        { ...REP_A, dailyCap: 3 },
        { ...REP_B, dailyCap: 2 },
      ],
    });
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => intakeLead(w.deps, w.system, { lead: person(100 + i) })),
    );
    const byOwner = (id: string) => results.filter((r) => r.lead.ownerId === id).length;
    expect([byOwner(REP_A.id), byOwner(REP_B.id)]).toEqual([3, 2]);
    const pooled = results.filter((r) => r.lead.status === 'pooled');
    expect(pooled).toHaveLength(7);
    expect(pooled[0]?.lead.assignment?.reason).toBe('no_eligible_member');
  });

  it('puts every lead of an org without routing rules in the org-wide pool, saying why', async () => {
    const w = leadWorld();
    const { lead } = await intakeLead(w.deps, w.system, { lead: person(1) });
    expect(lead).toMatchObject({ status: 'pooled', assignment: { reason: 'no_routing_rules' } });
    expect(lead.teamId).toBeUndefined();
  });

  it('names every bad field, and refuses callers who may not create leads or set their deadline', async () => {
    const w = routed();
    const bad = await refusal(intakeLead(w.deps, w.system, { lead: { phone: 'x', source: '1' } }));
    expect(bad.code).toBe('VALIDATION_FAILED');
    expect((bad.details.issues as { field: string }[]).map((i) => i.field).sort()).toEqual([
      'phone',
      'source',
    ]);
    expect((await refusal(intakeLead(w.deps, w.as(REP_A), { lead: person(1) }))).code).toBe('FORBIDDEN');
    const own = { ...person(2), reclaimAfterHours: 72 };
    expect((await refusal(intakeLead(w.deps, w.as(MANAGER), { lead: own }))).code).toBe('FORBIDDEN');
    expect(
      (await intakeLead(w.deps, apiCaller(w.org, ['admin']), { lead: own })).lead.reclaimAfterHours,
    ).toBe(72);
    expect(w.leads.all()).toHaveLength(1);
  });
});

describe('intakeLeadsBatch', () => {
  it('routes a batch as one-by-one intake would, with the same assignment explanations', async () => {
    const w = routed();
    const results = await intakeLeadsBatch(w.deps, w.system, {
      leads: [person(1), person(2), { phone: 'x', source: 'web' }, person(3), person(1)],
    });
    expect(results.map((r) => r.ok)).toEqual([true, true, false, true, true]);
    const leads = results.flatMap((r) => (r.ok ? [r.lead] : []));
    expect(leads.map((l) => l.ownerId ?? l.status)).toEqual([REP_A.id, REP_B.id, REP_A.id, 'duplicate']);
    expect(leads[0]?.assignment).toMatchObject({ reason: 'default_rule', position: 1, teamSize: 4 });
    const single = routed();
    const one = await intakeLead(single.deps, single.system, { lead: person(1) });
    expect(leads[0]?.assignment).toEqual(one.lead.assignment);
  });

  it('sends a whole batch to the pool when it asks for the pool strategy', async () => {
    const w = routed();
    const results = await intakeLeadsBatch(w.deps, w.system, {
      leads: [person(1), person(2)],
      strategy: 'pool',
    });
    for (const r of results)
      expect(r).toMatchObject({
        ok: true,
        lead: { status: 'pooled', assignment: { reason: 'pool_strategy' } },
      });
  });
});
