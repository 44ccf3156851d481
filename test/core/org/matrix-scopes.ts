import { listComplaints, listTasks } from '../../../src/core/after-sales/index.js';
import { listCustomers } from '../../../src/core/customers/index.js';
import { listLeads } from '../../../src/core/leads/index.js';
import type { RoleRow } from '../../../src/core/org/permissions-matrix.js';
import { ROLES, type Role } from '../../../src/core/org/types.js';
import type { MatrixWorld } from './matrix-world.js';

// The scope columns of the matrix against the lists: records of every reach are seeded once, and each kind of
// scope names the records it must return, written out (never derived from the rule under test).

type ById = Record<Role, string>;
/** One record per role, made one after another (codes and numbers come from a shared counter). */
async function perRole(make: (role: Role) => Promise<string>): Promise<ById> {
  const ids = {} as ById;
  for (const r of ROLES) ids[r] = await make(r);
  return ids;
}

export type ScopeFixtures = Awaited<ReturnType<typeof seedScopeFixtures>>;

/**
 * Leads: each role member's own, 华东销售组's pool and 李娜's (same team), BD组's pool and 孙磊's (another team).
 * Customers: each role member's own, 李娜's, 孙磊's. Complaints: on each role member's customer, on 李娜's and 孙磊's,
 * and one on 孙磊's customer assigned to each role member (with its task), plus one assigned to 唐雪.
 */
export async function seedScopeFixtures(w: MatrixWorld) {
  const li = w.named('李娜');
  const sun = w.named('孙磊');
  const tagged = { source: 'matrix' };
  const lead = async (owner?: typeof li, extra = {}) => (await w.lead(owner, { ...tagged, ...extra })).id;
  const leads = {
    mine: await perRole((r) => lead(w.people[r])),
    eastPool: await lead(),
    eastOther: await lead(li),
    bdPool: await lead(undefined, { teamId: w.bd.id }),
    bdOther: await lead(sun),
  };
  const customers = {
    mine: await perRole(async (r) => (await w.customer(w.people[r])).id),
    east: (await w.customer(li)).id,
    bd: (await w.customer(sun)).id,
  };
  // One at a time: each complaint's code comes from a shared counter.
  const assigned = {} as Record<Role, { id: string; taskCode: string }>;
  for (const r of ROLES) assigned[r] = await w.complaint(sun, w.people[r]);
  const complaints = {
    mine: await perRole(async (r) => (await w.complaint(w.people[r])).id),
    east: (await w.complaint(li)).id,
    bd: (await w.complaint(sun)).id,
    tang: await w.complaint(sun, w.named('唐雪')),
  };
  return { leads, customers, complaints, assigned };
}

const all = (ids: ById) => Object.values(ids);
const sorted = (ids: readonly string[]) => [...ids].sort();

/** What each scope kind must return to a member of `role`, per list; `refused` where the list refuses. */
export function expectedScopes(f: ScopeFixtures, role: Role) {
  const l = f.leads;
  const c = f.customers;
  const k = f.complaints;
  const leads = {
    org: [...all(l.mine), l.eastPool, l.eastOther, l.bdPool, l.bdOther],
    team: [...all(l.mine), l.eastPool, l.eastOther],
    own: [l.mine[role], l.eastPool],
    none: 'refused',
  } as const;
  const customers = {
    org: [...all(c.mine), c.east, c.bd],
    team: [...all(c.mine), c.east],
    own: [c.mine[role]],
    none: 'refused',
  } as const;
  const assigned = Object.values(f.assigned);
  const complaints = {
    all: [...all(k.mine), k.east, k.bd, ...assigned.map((a) => a.id), k.tang.id],
    team: [...all(k.mine), k.east],
    own_customers: [k.mine[role]],
    own_tasks: [f.assigned[role].id],
    none: 'refused',
  } as const;
  const tasks = {
    all: [...assigned.map((a) => a.taskCode), k.tang.taskCode],
    own: [f.assigned[role].taskCode],
    none: 'refused',
  } as const;
  return { leads, customers, complaints, tasks };
}

const refusedOr = async (list: () => Promise<string[]>): Promise<readonly string[] | 'refused'> =>
  list().then(sorted, (e: unknown) => {
    if (e instanceof Error && 'code' in e && e.code === 'FORBIDDEN') return 'refused' as const;
    throw e;
  });

/** What the four lists return to a member of `role`, among the seeded records. */
export async function listedFor(w: MatrixWorld, f: ScopeFixtures, role: Role) {
  const caller = w.caller(role);
  const seeded = (ids: readonly string[]) => (id: string) => ids.includes(id);
  const x = expectedScopes(f, role);
  // A rep's list is their own leads; their team's pool is what they get asking for the public pool.
  const leadsOf = async (query: Record<string, unknown>) =>
    (await listLeads(w.app.repos, caller, { query: { source: 'matrix', limit: 200, ...query } })).map(
      (l) => l.id,
    );
  const leads = await refusedOr(async () => [
    ...new Set([...(await leadsOf({})), ...(await leadsOf({ pool: 'public' }))]),
  ]);
  const customers = await refusedOr(async () =>
    (await listCustomers(w.app.repos, caller, { limit: 200 }))
      .map((c) => c.id)
      .filter(seeded(x.customers.org)),
  );
  const complaints = await refusedOr(async () =>
    (await listComplaints(w.app.afterSalesDeps, caller, { limit: 200 }))
      .map((c) => c.id)
      .filter(seeded(x.complaints.all)),
  );
  const tasks = await refusedOr(async () =>
    (await listTasks(w.app.afterSalesDeps, caller, { limit: 200 }))
      .map((t) => t.task.code)
      .filter(seeded(x.tasks.all)),
  );
  return { leads, customers, complaints, tasks };
}

/** The records the matrix's scope cells of this row promise, in the lists' shape. */
export function promisedFor(f: ScopeFixtures, row: RoleRow) {
  const x = expectedScopes(f, row.role);
  const norm = (v: readonly string[] | 'refused') => (v === 'refused' ? v : sorted(v));
  return {
    leads: norm(x.leads[row.scope.leads]),
    customers: norm(x.customers[row.scope.customers]),
    complaints: norm(x.complaints[row.scope.complaints]),
    tasks: norm(x.tasks[row.scope.tasks]),
  };
}
