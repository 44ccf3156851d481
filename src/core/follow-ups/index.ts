// What the follow-ups domain offers the rest of core and the outer layers; other domains import it only from here.
export * from './follow-up-types.js';
export * from './plan-lead.js';
