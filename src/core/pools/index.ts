// What the pools domain offers the rest of core and the outer layers; other domains import it only from here.
export * from './approval-notices.js';
export * from './assign-lead.js';
export * from './assign-leads.js';
export * from './claim-lead.js';
export * from './count-pool-leads.js';
export * from './decide-release.js';
export * from './error-codes.js';
export * from './ladder.js';
export * from './lead-rules.js';
export * from './list-assign-choices.js';
export * from './list-pool-leads.js';
export * from './moved-away-notices.js';
export * from './ports.js';
export * from './release-lead.js';
export * from './release-moves.js';
export * from './run-lead-deadlines.js';
export * from './set-reclaim-period.js';
