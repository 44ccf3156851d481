export * from './audit-retention.js';
export * from './audit-types.js';
export * from './changed-fields.js';
export * from './list-audit-entries.js';
export * from './ports.js';
export * from './record-audit.js';
