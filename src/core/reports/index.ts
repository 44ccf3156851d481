// What the reports domain offers the outer layers (API, chat, digests, dashboard); others import it only from here.
export * from './compute-report.js';
export * from './digest-cards.js';
export * from './digest-runs.js';
export * from './digest-schedule.js';
export * from './digest-settings.js';
export * from './list-campaigns.js';
export * from './list-report-items.js';
export * from './ports.js';
export * from './report-input.js';
export * from './report-item-types.js';
export * from './report-math.js';
export * from './report-notices.js';
export * from './report-period.js';
export * from './report-scope.js';
export * from './report-types.js';
export * from './set-campaign-cost.js';
export * from './weekly-digest.js';
