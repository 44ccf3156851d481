// What the exports domain offers the outer layers (the HTTP route, the CLI, the chat's /export job).
export * from './error-codes.js';
export * from './export-file-name.js';
export * from './export-kinds.js';
export * from './export-labels.js';
export * from './export-query.js';
export * from './export-registry.js';
export * from './export-scope.js';
export * from './export-types.js';
export * from './ports.js';
export * from './stream-export.js';
