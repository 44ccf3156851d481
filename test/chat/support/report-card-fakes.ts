import type { ReportDeps } from '../../../src/core/reports/index.js';

/**
 * The report queries of an org with no figures yet, for the chat tests over the core fakes (the figures themselves
 * are tested over the real database: test/storage/report-figures.test.ts, test/e2e/report-command.test.ts).
 */
export function reportCardFakes(): Pick<ReportDeps, 'reports' | 'campaigns' | 'afterSalesFigures'> {
  const none = { assigned: 0, unfollowed: 0, responded: 0, followUps: 0, won: 0, wonAmount: 0 };
  return {
    reports: {
      cohort: async () => ({
        reps: [],
        total: none,
        stageLeads: {},
        stageReached: {},
        stageMedianMs: {},
        lossReasons: [],
      }),
      reclaims: async () => [],
      channels: async () => [],
      campaignTotals: async () => [],
      followUpHours: async () => [],
      recency: async () => ({ '0-3': 0, '4-7': 0, '8-14': 0, '15-30': 0, '30+': 0, never: 0 }),
    },
    campaigns: {
      setCost: async () => Promise.reject(new Error('not in the chat fakes')),
      list: async () => [],
    },
    afterSalesFigures: { staffHours: async () => [], customerComplaints: async () => [] },
  };
}
