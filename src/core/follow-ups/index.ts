// What the follow-ups domain offers the rest of core and the outer layers; other domains import it only from here.

export * from './agenda-notices.js';
export * from './agenda-query.js';
export * from './follow-up-types.js';
export * from './list-due-leads.js';
export * from './plan-lead.js';
export * from './plan-notices.js';
export * from './plan-settings.js';
export * from './run-contact-plan.js';
export * from './send-morning-agenda.js';
export * from './snooze-contact.js';
