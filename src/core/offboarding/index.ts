// What the offboarding domain offers the outer layers: a member leaving, and what it would do (the confirmation).
export * from './error-codes.js';
export * from './hand-over-leads.js';
export * from './offboard-member.js';
export * from './offboarding-types.js';
export * from './ports.js';
export * from './preview-offboarding.js';
