// What the org domain offers the rest of core and the outer layers; other domains import it only from here.
export * from './api-tokens.js';
export * from './caller.js';
export * from './configure-org-settings.js';
export * from './configure-team.js';
export * from './connect-chat.js';
export * from './decide-link.js';
export * from './error-codes.js';
export * from './intern-rules.js';
export * from './issue-api-token.js';
export * from './list-members.js';
export * from './member-status-notice.js';
export * from './permissions.js';
export * from './ports.js';
export * from './request-link.js';
export * from './set-identities.js';
export * from './set-member-availability.js';
export * from './types.js';
