// What the customers domain offers the rest of core and the outer layers; other domains import it only from here.
export * from './advance-stage-by-outcome.js';
export * from './change-stage.js';
export * from './complete-won-lead.js';
export * from './create-order.js';
export * from './create-orders.js';
export * from './customer-types.js';
export * from './error-codes.js';
export * from './list-customers.js';
export * from './order-error-codes.js';
export * from './order-input.js';
export * from './ports.js';
export * from './stage-evidence.js';
export * from './stage-notices.js';
export * from './stage-settings.js';
export * from './stage-settings-schema.js';
export * from './sweep-pending-customers.js';
