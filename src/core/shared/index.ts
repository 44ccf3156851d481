// The kernel every domain builds on (ids, clock, errors, notices); it imports no domain.
export * from './business-hours.js';
export * from './clock.js';
export * from './duration.js';
export * from './errors.js';
export * from './ids.js';
export * from './local-day.js';
export * from './notices.js';
export * from './validate.js';
