// What the follow-ups domain offers the rest of core and the outer layers; other domains import it only from here.
export * from './agenda-query.js';
export * from './error-codes.js';
export * from './follow-up-input.js';
export * from './follow-up-settings.js';
export * from './follow-up-settings-schema.js';
export * from './follow-up-types.js';
export * from './plan-lead.js';
export * from './plan-notices.js';
export * from './plan-settings.js';
export * from './ports.js';
export * from './record-follow-up.js';
export * from './run-contact-plan.js';
