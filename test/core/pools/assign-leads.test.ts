import { describe, expect, it } from 'vitest';
import { assignLeads } from '../../../src/core/pools/assign-leads.js';
import { teamId } from '../../../src/core/shared/ids.js';
import { DIRECTOR, leadWorld, MANAGER, REP_A, REP_B, refusal } from '../lead-world.js';

// Bulk assignment: a set chosen by codes or filter, a strategy, a dry run, and races reported.

describe('assignLeads', () => {
  it('plans a round robin over a set of codes in a dry run, writing nothing, then does it', async () => {
    const w = leadWorld();
    for (let i = 0; i < 4; i++) await w.store({ contact: {}, campaign: '双十二' });
    await w.store({ contact: {}, campaign: '618' });
    const codes = w.leads
      .all()
      .filter((l) => l.campaign === '双十二')
      .map((l) => l.code!);
    const dry = await assignLeads(w.deps, w.as(MANAGER), { codes, strategy: 'round_robin', dryRun: true });
    expect(dry.perMember.map((m) => [m.name, m.count]).sort()).toEqual([
      ['张伟', 2],
      ['李娜', 2],
    ]);
    expect(w.leads.all().every((l) => l.status === 'pooled')).toBe(true);
    const done = await assignLeads(w.deps, w.as(MANAGER), {
      codes,
      strategy: 'round_robin',
      reason: '活动分配',
    });
    expect(done.results.every((r) => 'to' in r)).toBe(true);
    expect(w.leads.all().filter((l) => l.ownerId === REP_A.id)).toHaveLength(2);
    expect(w.roster.stateOf(REP_B.id).open).toBe(2);
  });

  it('sends leads by region to the mapped member, reports what it cannot move, and respects caps unless forced', async () => {
    const w = leadWorld({ settings: { dailyCaps: { intern: 1, junior: 1, senior: 1 } } });
    const sh = await w.store({ contact: {}, region: '上海' });
    const sh2 = await w.store({ contact: {}, region: '上海' });
    const bj = await w.store({ contact: {}, region: '北京' });
    const other = await w.store({ contact: {}, teamId: teamId('team-2') });
    const body = {
      codes: [sh.code!, sh2.code!, bj.code!, other.code!, 'L-99999'],
      strategy: 'by_region',
      map: { 上海: REP_A.id },
    };
    const result = await assignLeads(w.deps, w.as(MANAGER), body);
    expect(result.results).toEqual([
      { lead: sh.code, to: REP_A.id },
      { lead: sh2.code, skipped: 'no_member' },
      { lead: bj.code, skipped: 'no_member' },
      { lead: other.code, skipped: 'forbidden' },
      { lead: 'L-99999', skipped: 'not_found' },
    ]);
    expect((await refusal(assignLeads(w.deps, w.as(MANAGER), { ...body, force: true }))).code).toBe(
      'FORBIDDEN',
    );
    const forced = await assignLeads(w.deps, w.as(DIRECTOR), {
      codes: [sh2.code!],
      strategy: 'by_region',
      map: { 上海: REP_A.id },
      force: true,
    });
    expect(forced.results).toEqual([{ lead: sh2.code, to: REP_A.id }]);
  });

  it('refuses a body with both codes and a filter, or neither', async () => {
    const w = leadWorld();
    expect((await refusal(assignLeads(w.deps, w.as(DIRECTOR), { strategy: 'round_robin' }))).code).toBe(
      'VALIDATION_FAILED',
    );
  });
});
