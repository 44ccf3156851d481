import { type Caller, memberCaller } from './caller.js';
import { type DataScope, dataScope } from './data-scope.js';
import { ACTIONS, type Action, assertCan, can } from './permissions.js';
import { type Org, ROLES, type Role } from './types.js';

/**
 * One role's row: each action allowed or not, and the data scope the role's member gets (leads and customers by
 * width: `org`, `team`, `own`, `none`).
 */
export type RoleRow = {
  readonly role: Role;
  readonly actions: Readonly<Record<Action, boolean>>;
  readonly scope: {
    readonly leads: DataScope['leads']['kind'];
    readonly customers: DataScope['customers']['kind'];
  } & Omit<DataScope, 'leads' | 'customers'>;
};

export type PermissionsMatrix = {
  readonly roles: readonly RoleRow[];
  /** What the intern level (实习) takes away from any role. */
  readonly intern: { readonly seePhone: false; readonly importantLeads: false };
};

/**
 * The role × action × scope matrix, computed from the POLICY table and dataScope for a member of each role (never a
 * second hand-written copy), for `GET /api/v1/permissions`. Anyone of the org may read it (`org.read`).
 */
export function permissionsMatrix(caller: Caller, _input: Record<string, never> = {}): PermissionsMatrix {
  assertCan(caller, 'org.read');
  return {
    roles: ROLES.map((role) => roleRow(caller.org, role)),
    intern: { seePhone: false, importantLeads: false },
  };
}

function roleRow(org: Org, role: Role): RoleRow {
  const member = sampleMember(org, role);
  const who = memberCaller(org, member, org.settings.locale);
  const actions = Object.fromEntries(ACTIONS.map((a) => [a, can(who, a)])) as Record<Action, boolean>;
  const { leads, customers, ...rest } = dataScope(who);
  return { role, actions, scope: { leads: leads.kind, customers: customers.kind, ...rest } };
}

/** A stand-in member of one role on a team, so the scope shown is the one a real member of that role gets. */
function sampleMember(org: Org, role: Role) {
  return {
    id: `sample-${role}` as never,
    orgId: org.id,
    name: role,
    roles: [role],
    teamId: 'sample-team' as never,
    level: 'junior' as const,
    availability: 'available' as const,
    active: true,
    identities: [],
  };
}
