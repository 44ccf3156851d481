import { describe, expect, it } from 'vitest';
import { memberCaller } from '../../../src/core/org/caller.js';
import type { CohortRow, FigureQuery, ReportDeps } from '../../../src/core/reports/index.js';
import { computeReport } from '../../../src/core/reports/index.js';
import { fixedClock } from '../../../src/core/shared/clock.js';
import { memberId, teamId } from '../../../src/core/shared/ids.js';
import { makeMember, makeOrg } from '../fakes.js';

// computeReport over canned query answers: what core adds (reclaims, rates, medians, the rep's narrowing).
const H = 3_600_000;
const row = (id: string, fields: Partial<CohortRow>): CohortRow => ({
  ...{ memberId: memberId(id), assigned: 0, unfollowed: 0, responded: 0, followUps: 0, won: 0, wonAmount: 0 },
  ...fields,
});
const asked: FigureQuery[] = [];
const deps: ReportDeps = {
  reports: {
    async cohort(_org, q) {
      asked.push(q);
      return {
        reps: [
          row('m1', { assigned: 4, unfollowed: 1, responded: 3, responseMedianMs: H, followUps: 8, won: 1 }),
          row('m2', { assigned: 2, responded: 2, responseMedianMs: 3 * H, followUps: 2 }),
        ],
        total: {
          ...row('x', { assigned: 6, unfollowed: 1, responded: 5, followUps: 10, won: 1 }),
          memberId: undefined,
        },
        stageLeads: {},
        stageReached: {},
        stageMedianMs: {},
        lossReasons: [],
      } as never;
    },
    reclaims: async () => [{ memberId: memberId('m2'), reclaims: 2, missed: 1 }],
    channels: async () => [],
    campaignTotals: async () => [],
    followUpHours: async () => [],
    recency: async () => ({ '0-3': 0, '4-7': 0, '8-14': 0, '15-30': 0, '30+': 0, never: 0 }),
  },
  campaigns: { setCost: async () => ({}) as never, list: async () => [] },
  teams: { list: async () => [{ id: teamId('team-1'), orgId: makeOrg().id, name: '一组', channelId: 'c' }] },
  members: { list: async () => [makeMember('m1', { name: '王一' }), makeMember('m2', { name: '李二' })] },
  afterSalesFigures: { staffHours: async () => [], customerComplaints: async () => [] },
  clock: fixedClock(new Date('2026-12-02T01:30:00Z')),
};
const caller = (roles: ('rep' | 'director')[]) =>
  memberCaller(makeOrg(), makeMember('m1', { roles, teamId: teamId('team-1') }), 'zh-CN');

describe('computeReport', () => {
  it('adds the ladder’s reclaims as missed assignments and ranks reps worst first', async () => {
    const report = await computeReport(deps, caller(['director']), { sections: ['reps'] });
    expect(report.reps?.map((r) => [r.name, r.assigned, r.unfollowed, r.reclaims])).toEqual([
      ['李二', 3, 1, 2],
      ['王一', 4, 1, 0],
    ]);
    expect(report.reps?.[0]?.unfollowedRate).toBeCloseTo(1 / 3);
    expect(report.total).toMatchObject({ assigned: 7, unfollowed: 2, reclaims: 2 });
    expect(report.teamMedians).toMatchObject({ responseMedianMs: H, followUpsPerLead: 1 });
    expect(report.funnel).toBeUndefined();
  });

  it('shows a rep their own row and the team’s medians only, and their own leads’ funnel', async () => {
    asked.length = 0;
    const report = await computeReport(deps, caller(['rep']), { sections: ['summary', 'funnel'] });
    expect(report.reps?.map((r) => r.memberId)).toEqual(['m1']);
    expect(report.total?.memberId).toBe('m1');
    expect(report.teamMedians).toBeDefined();
    expect(asked.map((q) => q.ownerId)).toContain('m1');
    expect(asked.every((q) => q.teamIds?.[0] === 'team-1')).toBe(true);
    await expect(computeReport(deps, caller(['rep']), { sections: ['afterSales'] })).rejects.toThrow();
  });
});
