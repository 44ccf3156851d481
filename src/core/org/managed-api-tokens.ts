import type { MemberId, OrgId } from '../shared/ids.js';
import type { ApiTokenGrant } from './api-tokens.js';
import type { Role } from './types.js';

/**
 * What a token made through `POST /api/v1/tokens` may do. `admin`: everything an admin may; `read_only`: the same
 * reads, and 403 on every write (the HTTP layer refuses any method but GET and HEAD).
 */
export const TOKEN_ROLES = ['admin', 'read_only'] as const;
export type TokenRole = (typeof TOKEN_ROLES)[number];

/** The member roles a token acts with: a read-only token reads what an admin reads, and writes nothing. */
export const ROLES_OF_TOKEN: Readonly<Record<TokenRole, readonly Role[]>> = {
  admin: ['admin'],
  read_only: ['admin'],
};

/** A token as it is listed: never its secret nor its hash. */
export type ApiTokenSummary = {
  readonly id: string;
  readonly name: string;
  /**
   * `custom` for a token issued with other roles (by a script, before roles existed); `member` for a member's own
   * token, which acts with that member's current roles (so `roles` is empty).
   */
  readonly role: TokenRole | 'custom' | 'member';
  readonly roles: readonly Role[];
  readonly memberId?: MemberId;
  readonly lastUsedAt?: Date;
  /** The secret's first characters, so people can tell their tokens apart. */
  readonly prefix: string;
  readonly createdAt: Date;
  readonly revokedAt?: Date;
};

/** A presented token's grant, with what the HTTP layer needs to apply its role. */
export type RoleGrant = ApiTokenGrant & { readonly id: string; readonly role: ApiTokenSummary['role'] };

/** An org token (`role`) or a member's own (`memberId`): one or the other, never both. */
export type NewApiToken = {
  readonly name: string;
  readonly hash: string;
  readonly prefix: string;
} & (
  | { readonly role: TokenRole; readonly memberId?: never }
  | { readonly memberId: MemberId; readonly role?: never }
);

export interface ManagedApiTokens {
  /** Inserts a token; undefined when the org already has one of that name (revoked ones included). */
  create(orgId: OrgId, token: NewApiToken, at: Date): Promise<ApiTokenSummary | undefined>;
  /** The org's tokens (or one member's), newest first, revoked ones included (with `revokedAt`). */
  list(orgId: OrgId, filter?: { readonly memberId?: MemberId }): Promise<ApiTokenSummary[]>;
  /**
   * Marks the token revoked (once: a second call keeps the first time, and is told `revokedNow: false`); undefined
   * when the org has no such id, or (with `memberId`) when it is not that member's token.
   */
  revoke(
    orgId: OrgId,
    id: string,
    at: Date,
    filter?: { readonly memberId?: MemberId },
  ): Promise<(ApiTokenSummary & { readonly revokedNow: boolean }) | undefined>;
}

export type ManageTokenDeps = {
  readonly tokens: ManagedApiTokens;
  readonly clock: { now(): Date };
};
