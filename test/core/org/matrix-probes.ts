import {
  getAfterSalesFigures,
  listComplaints,
  listTasks,
  raiseComplaint,
} from '../../../src/core/after-sales/index.js';
import { listAuditEntries } from '../../../src/core/audit/index.js';
import { listBackups } from '../../../src/core/backups/index.js';
import { createOrder } from '../../../src/core/customers/index.js';
import type { ExportKind } from '../../../src/core/exports/export-kinds.js';
import { planExport } from '../../../src/core/exports/index.js';
import { recordFollowUp } from '../../../src/core/follow-ups/index.js';
import { configureRouting, getLead, intakeLead, listLeads } from '../../../src/core/leads/index.js';
import { previewOffboarding } from '../../../src/core/offboarding/index.js';
import { apiCaller, type Caller, memberCaller } from '../../../src/core/org/caller.js';
import { configureOrgSettings } from '../../../src/core/org/configure-org-settings.js';
import { createApiToken } from '../../../src/core/org/create-api-token.js';
import { createMemberToken } from '../../../src/core/org/create-member-token.js';
import { listMembers } from '../../../src/core/org/list-members.js';
import type { Action } from '../../../src/core/org/permissions.js';
import { permissionsMatrix } from '../../../src/core/org/permissions-matrix.js';
import { setMemberAvailability } from '../../../src/core/org/set-member-availability.js';
import type { Member, Role } from '../../../src/core/org/types.js';
import {
  assignLead,
  claimLead,
  decideRelease,
  listPoolLeads,
  releaseLead,
  setReclaimPeriod,
} from '../../../src/core/pools/index.js';
import { computeReport, setCampaignCost } from '../../../src/core/reports/index.js';
import type { Report } from '../../../src/core/reports/report-types.js';
import { afterSalesProbes } from './matrix-probes-after-sales.js';
import { type MatrixWorld, next } from './matrix-world.js';

/** What a use-case said to one caller: it did it, or it refused (the matrix's `false`). */
export type Outcome = 'allowed' | 'refused';
/**
 * One action's use-case, called as a member of `role` (`me`) on the world. It resolves for "allowed"; a refusal is
 * its FORBIDDEN (or another code the probe names). A probe may answer an Outcome itself where the use-case always
 * answers but narrows what it shows (a report's width, a list's reach).
 */
export type Probe = (w: MatrixWorld, role: Role, me: Member, caller: Caller) => Promise<unknown>;

const exportOf =
  (kind: ExportKind): Probe =>
  (w, _r, _m, caller) =>
    planExport(
      {
        source: w.app.repos.exportSource,
        members: w.app.repos.members,
        teams: w.app.repos.teams,
        clock: w.app.clock,
      },
      caller,
      { kind },
    );

/** One report per caller (the four report cells read the same answer): its aggregations are the slow part. */
const reports = new Map<Role, Promise<Report | 'refused'>>();
const reportOf = (w: MatrixWorld, role: Role, caller: Caller) => {
  const found =
    reports.get(role) ??
    computeReport(reportDeps(w), caller, { period: 'this-month' }).catch((e: unknown) => refusedOr(e));
  reports.set(role, found);
  return found;
};
const reportProbe =
  (test: (r: Report, me: Member) => boolean): Probe =>
  async (w, role, me, caller) => {
    const r = await reportOf(w, role, caller);
    return r !== 'refused' && test(r, me) ? 'allowed' : 'refused';
  };

function reportDeps(w: MatrixWorld) {
  const r = w.app.repos;
  return {
    reports: r.reports,
    campaigns: r.campaigns,
    teams: r.teams,
    members: r.members,
    afterSalesFigures: r.afterSalesFigures,
    clock: w.app.clock,
  };
}

function refusedOr(error: unknown): 'refused' {
  if (error instanceof Error && 'code' in error && error.code === 'FORBIDDEN') return 'refused';
  throw error;
}

const lead = (w: MatrixWorld) => ({ ...w.app.intakeDeps, followUps: w.app.repos.followUps });
const audit = (w: MatrixWorld) => ({ audit: w.app.repos.audit });
const tokens = (w: MatrixWorld) => ({
  tokens: w.app.repos.tokens,
  clock: w.app.clock,
  members: w.app.repos.members,
  ...audit(w),
});
const org = (w: MatrixWorld) => ({
  orgs: w.app.repos.orgs,
  teams: w.app.repos.teams,
  members: w.app.repos.members,
  notifier: w.app.notifier,
  clock: w.app.clock,
  ...audit(w),
});

/** Every action of the policy, each with the use-case that performs it (a new action does not compile without one). */
export const PROBES: Readonly<Record<Action, Probe>> = {
  'org.read': (_w, _r, _m, caller) => Promise.resolve(permissionsMatrix(caller)),
  'org.configure': (w, _r, _m, caller) =>
    configureOrgSettings({ orgs: w.app.repos.orgs, ...audit(w) }, caller, { settings: {} }),
  'member.list': (w, _r, _m, caller) => listMembers({ members: w.app.repos.members }, caller),
  'member.set_availability.self': (w, _r, me, caller) =>
    setMemberAvailability(org(w), caller, { memberId: me.id, availability: 'available' }),
  'member.set_availability.other': (w, _r, _m, caller) =>
    setMemberAvailability(org(w), caller, { memberId: w.named('张伟').id, availability: 'available' }),
  // Phones whole or masked: what the export of complaints (open to every role) would write in a phone cell.
  'member.see_phone': async (w, role, me, caller) => {
    const plan = (await exportOf('complaints')(w, role, me, caller)) as Awaited<
      ReturnType<typeof planExport>
    >;
    return plan.context.phone('13812345678') === '13812345678' ? 'allowed' : 'refused';
  },
  'token.issue': (w, _r, _m, caller) =>
    createApiToken(tokens(w), caller, { name: `集成${next()}`, role: 'read_only' }),
  'token.issue_own': (w, _r, me, caller) =>
    createMemberToken(tokens(w), caller, { memberId: me.id, body: {} }),
  'member.offboard': (w, _r, _m, caller) =>
    previewOffboarding(
      { offboarding: w.app.repos.offboarding, members: w.app.repos.members, tasks: w.app.repos.tasks },
      caller,
      { memberId: w.named('张伟').id, body: { leadsTo: 'pool' } },
    ),
  'lead.create': (w, _r, _m, caller) =>
    intakeLead(w.app.intakeDeps, caller, {
      lead: { phone: `1360000${String(next()).padStart(4, '0')}`, name: '新客户', source: 'api' },
    }),
  'lead.read_all': async (w, _r, _m, caller) =>
    getLead(w.app.repos, caller, { leadId: (await w.lead(w.named('李娜'))).id }),
  // Moving another team's lead: managers move their own teams' only, so this is the org-wide reach.
  'lead.read_org': async (w, _r, _m, caller) =>
    assignLead(w.app.intakeDeps, caller, {
      leadId: (await w.lead(w.named('孙磊'))).id,
      to: w.named('吴静').id,
    }),
  'lead.assign': async (w, _r, _m, caller) =>
    assignLead(w.app.intakeDeps, caller, {
      leadId: (await w.lead()).id,
      to: w.named('张伟').id,
    }),
  'lead.read': (w, _r, _m, caller) => listLeads(w.app.repos, caller, { query: {} }),
  'lead.claim': async (w, _r, _m, caller) =>
    claimLead(w.app.intakeDeps, caller, { leadId: (await w.lead()).id }),
  'lead.release': async (w, _r, me, caller) =>
    releaseLead(w.app.intakeDeps, caller, { leadId: (await w.lead(me)).id, reason: '客户暂无需求' }),
  'lead.set_deadline': async (w, _r, _m, caller) =>
    setReclaimPeriod(w.app.intakeDeps, caller, {
      leadId: (await w.lead(w.named('李娜'))).id,
      period: { reclaimAfterHours: 72 },
    }),
  'lead.follow_up': async (w, _r, me, caller) =>
    recordFollowUp(lead(w), caller, {
      leadId: (await w.lead(me)).id,
      channel: 'phone',
      content: '电话沟通，客户有意向',
      nextContactAt: tomorrow(w),
    }),
  // An integration's token of the role records for the lead's owner (members record only for themselves).
  'follow_up.record_for_owner': async (w, role) =>
    recordFollowUp(lead(w), apiCaller(w.org, [role]), {
      leadId: (await w.lead(w.named('李娜'))).id,
      channel: 'phone',
      content: '呼叫中心回访',
      nextContactAt: tomorrow(w),
    }),
  'lead.decide_release': async (w, _r, _m, caller) => {
    const li = w.named('李娜');
    const pending = await w.lead(li, { grade: 'important' });
    await releaseLead(w.app.intakeDeps, memberCallerOf(w, li), {
      leadId: pending.id,
      reason: '客户要求换人',
    });
    return decideRelease({ ...w.app.intakeDeps, ...audit(w) }, caller, {
      leadId: pending.id,
      decision: { keep: true },
    });
  },
  'pool.view': (w, _r, _m, caller) => listPoolLeads(w.app.repos, caller, { limit: 10 }),
  // The read has no use-case of its own: GET /api/v1/routing, with a token acting as the member.
  'routing.read': async (w, _r, me) => {
    const { secret } = await createMemberToken(tokens(w), memberCallerOf(w, me), {
      memberId: me.id,
      body: {},
    });
    const res = await w.t.request('GET', '/api/v1/routing', undefined, { authorization: `Bearer ${secret}` });
    if (res.status === 403) return 'refused';
    if (res.status !== 200) throw new Error(`GET /routing: ${res.status}`);
    return 'allowed';
  },
  'routing.configure': (w, _r, _m, caller) =>
    configureRouting({ ...org(w) }, caller, { routing: w.org.settings.routing }),
  'complaint.raise': async (w, _r, _m, caller) => {
    const c = await w.customer(w.named('李娜'));
    return raiseComplaint(w.app.afterSalesDeps, caller, {
      customerId: c.id,
      orderNumber: c.number,
      category: '设备故障',
      description: '屏幕不亮',
    });
  },
  // Everyone with a list sees some complaints; the complaint centre sees an unassigned one of another team's customer.
  'complaint.read_all': async (w, _r, _m, caller) => {
    const other = await w.complaint(w.named('孙磊'));
    const seen = await listComplaints(w.app.afterSalesDeps, caller, { limit: 200 });
    return seen.some((c) => c.id === other.id) ? 'allowed' : 'refused';
  },
  'task.read_all': async (w, _r, _m, caller) => {
    const other = await w.complaint(w.named('孙磊'), w.named('唐雪'));
    const seen = await listTasks(w.app.afterSalesDeps, caller, { limit: 200 });
    return seen.some((t) => t.task.code === other.taskCode) ? 'allowed' : 'refused';
  },
  'after_sales.figures': (w, _r, _m, caller) =>
    getAfterSalesFigures({ figures: w.app.repos.afterSalesFigures }, caller, {
      from: '2026-11-01',
      to: '2026-12-01',
    }),
  'order.create': (w, _r, _m, caller) => {
    const n = next();
    return createOrder(orderDeps(w), caller, {
      order: {
        number: `SO-N${n}`,
        customer: `新公司${n}`,
        amount: 1000,
        contractNo: `HT-N${n}`,
        signedAt: '2026-11-20',
      },
    });
  },
  // For someone outside one's teams: 孙磊 is on BD组.
  'order.create_any_owner': (w, _r, _m, caller) => {
    const n = next();
    return createOrder(orderDeps(w), caller, {
      order: {
        number: `SO-N${n}`,
        customer: `新公司${n}`,
        amount: 1000,
        contractNo: `HT-N${n}`,
        signedAt: '2026-11-20',
        owner: w.named('孙磊').id,
      },
    });
  },
  'report.read_org': reportProbe((r) => r.scope.sales && r.scope.teamIds === undefined),
  'report.read_team': reportProbe(
    (r) => r.scope.sales && r.scope.teamIds !== undefined && !r.scope.onlyMemberId,
  ),
  'report.read_own': reportProbe((r, me) => r.scope.sales && r.scope.onlyMemberId === me.id),
  'report.after_sales': reportProbe((r) => r.scope.afterSales && r.afterSales !== undefined),
  'campaign.set_cost': (w, _r, _m, caller) =>
    setCampaignCost({ campaigns: w.app.repos.campaigns, clock: w.app.clock }, caller, {
      name: '双十一',
      cost: 1000,
    }),
  'backup.manage': (w, _r, _m, caller) => listBackups({ backups: w.backups }, caller),
  'audit.read': (w, _r, _m, caller) => listAuditEntries({ auditReader: w.app.repos.audit }, caller, {}),
  'export.leads': exportOf('leads'),
  'export.follow_ups': exportOf('follow-ups'),
  'export.customers': exportOf('customers'),
  'export.orders': exportOf('orders'),
  'export.complaints': exportOf('complaints'),
  'export.tasks': exportOf('tasks'),
  ...afterSalesProbes,
};

function orderDeps(w: MatrixWorld) {
  return {
    customers: w.app.repos.customers,
    orders: w.app.repos.orders,
    clock: w.app.clock,
    members: w.app.repos.members,
  };
}

const memberCallerOf = (w: MatrixWorld, member: Member): Caller => memberCaller(w.org, member, 'zh-CN');

const tomorrow = (w: MatrixWorld) => new Date(w.app.clock.now().getTime() + 86_400_000);
