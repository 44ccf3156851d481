import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Types } from 'mongoose';
import { serviceVersion } from '../../../src/config/service-version.js';
import type { NewLead } from '../../../src/core/leads/ports.js';
import { type Caller, managedTeamIdsOf, memberCaller } from '../../../src/core/org/caller.js';
import { type Member, type Org, ROLES, type Role, type Team } from '../../../src/core/org/types.js';
import { directoryBackups } from '../../../src/storage/backups/backup-directory.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

// The org every matrix cell is checked against: the demo org on the test database (its teams, its people), plus
// one member of each single role on 华东销售组 (as the matrix's stand-in is) and records of every scoped kind.

const at = (day: number) => new Date(Date.UTC(2026, 10, day, 2));
const oid = (id: string) => new Types.ObjectId(id);
let serial = 0;
/** A fresh number for phones, order numbers and names: every probe writes records of its own. */
export const next = () => ++serial;

export type MatrixWorld = Awaited<ReturnType<typeof matrixWorld>>;

export async function matrixWorld() {
  const t: TestApp = await startTestApp();
  const { app } = t;
  const org = (await app.repos.orgs.get(t.orgId as Org['id'])) as Org;
  const teams = await app.repos.teams.list(org.id);
  const roster = await app.repos.members.list(org.id);
  const team = (name: string) => teams.find((x) => x.name === name) as Team;
  const named = (name: string) => roster.find((m) => m.name === name) as Member;
  const east = team('华东销售组');
  const bd = team('BD组');
  const people = await seedRoleMembers(t, org, east);
  const caller = (role: Role): Caller =>
    memberCaller(org, people[role], 'zh-CN', managedTeamIdsOf(teams, people[role]));
  const db = app.models.Lead.db.db;
  if (!db) throw new Error('no database handle');
  // The backups' port over a directory of its own (BACKUP_DIR), as main wires it.
  const backups = directoryBackups({
    db,
    models: app.models,
    dir: mkdtempSync(join(tmpdir(), 'matrix-backups-')),
    service: serviceVersion(),
  });
  const w = {
    t,
    app,
    org,
    east,
    bd,
    people,
    caller,
    named,
    backups,
    /** Stores a lead as it is (no routing): claimed by `owner` on the owner's team, else pooled on 华东销售组. */
    async lead(owner?: Member, extra: Partial<NewLead> = {}) {
      const n = next();
      const result = await app.repos.leads.insert({
        orgId: org.id,
        contact: { name: `客户${n}`, phone: `1370000${String(n).padStart(4, '0')}` },
        source: 'api',
        tags: [],
        score: 50,
        grade: 'normal',
        ...(owner
          ? {
              status: 'claimed' as const,
              ownerId: owner.id,
              ownerName: owner.name,
              ...(owner.teamId ? { teamId: owner.teamId } : {}),
              followUpStatus: 'unfollowed' as const,
            }
          : { status: 'pooled' as const, teamId: east.id }),
        history: [{ type: 'pooled', at: at(1) }],
        version: 1,
        createdAt: at(1),
        updatedAt: at(1),
        ...extra,
      });
      if (!('lead' in result)) throw new Error(`lead not stored: ${result.conflict}`);
      return result.lead;
    },
    /** A customer of `owner` on the owner's team, with one order (SO-M<n>). */
    async customer(owner: Member) {
      const n = next();
      const _id = new Types.ObjectId();
      const number = `SO-M${n}`;
      await app.models.Customer.insertMany([
        {
          _id,
          orgId: oid(org.id),
          leadId: new Types.ObjectId(),
          leadCode: `L-M${n}`,
          name: `矩阵客户${n}`,
          contacts: [{ name: `联系人${n}`, phone: '13912345678' }],
          ownerId: oid(owner.id),
          ownerName: owner.name,
          ...(owner.teamId ? { teamId: oid(owner.teamId) } : {}),
          createdAt: at(2),
        },
      ]);
      await app.models.Order.insertMany([
        {
          orgId: oid(org.id),
          number,
          customerId: _id,
          amount: 1000,
          contractNo: `HT-M${n}`,
          signedAt: at(2),
          ownerId: oid(owner.id),
          ownerName: owner.name,
          ...(owner.teamId ? { teamId: oid(owner.teamId) } : {}),
          createdAt: at(2),
        },
      ]);
      return { id: _id.toHexString(), number, owner };
    },
    /** A complaint on a customer of `owner`, unassigned, or assigned to `assignee` with its task in `status`. */
    async complaint(owner: Member, assignee?: Member, status: 'open' | 'in_review' = 'open') {
      const c = await w.customer(owner);
      const n = next();
      const _id = new Types.ObjectId();
      const code = `TS-${8000 + n}`;
      await app.models.Complaint.insertMany([
        {
          _id,
          orgId: oid(org.id),
          code,
          customerId: oid(c.id),
          customerName: `矩阵客户${n}`,
          customerOwnerId: oid(owner.id),
          order: {
            id: new Types.ObjectId().toHexString(),
            number: c.number,
            amount: 1000,
            contractNo: 'HT',
            signedAt: at(2),
          },
          priority: 'normal',
          category: '设备故障',
          description: '设备无法开机',
          reporter: { kind: 'member', memberId: owner.id, name: owner.name },
          status: assignee ? (status === 'open' ? 'assigned' : 'in_review') : 'unassigned',
          round: assignee ? 1 : 0,
          ...(assignee
            ? { assigneeId: oid(assignee.id), assigneeName: assignee.name, assignedAt: at(3) }
            : {}),
          history: [],
          version: 1,
          createdAt: at(3),
        },
      ]);
      const taskCode = `T-${code.slice(3)}`;
      if (assignee) await w.task(_id, code, taskCode, c.id, assignee, status);
      return { id: _id.toHexString(), code, taskCode, customerId: c.id };
    },
    async task(
      complaintId: Types.ObjectId,
      complaintCode: string,
      code: string,
      customerId: string,
      assignee: Member,
      status: string,
    ) {
      await app.models.Task.insertMany([
        {
          orgId: oid(org.id),
          code,
          complaintId,
          complaintCode,
          round: 1,
          customerId: oid(customerId),
          customerName: '矩阵客户',
          priority: 'normal',
          assigneeId: oid(assignee.id),
          assigneeName: assignee.name,
          managerIds: [oid(named('高峰').id)],
          status,
          assignedAt: at(3),
          dueAt: at(20),
          remindAt: at(19),
          pausedMs: 0,
          pauses: [],
          history: [],
          version: 1,
          createdAt: at(3),
          ...(status === 'in_review'
            ? { report: { completedAt: at(4), hours: 2, result: '已更换电源', reportedAt: at(4) } }
            : {}),
        },
      ]);
    },
    close: () => t.close(),
  };
  return w;
}

/** One member of each role and of that role only, on 华东销售组 (the matrix's stand-in is on a team too). */
async function seedRoleMembers(t: TestApp, org: Org, east: Team): Promise<Record<Role, Member>> {
  const docs = ROLES.map((role) => {
    const _id = new Types.ObjectId();
    return {
      _id,
      orgId: oid(org.id),
      name: `矩阵${role}`,
      roles: [role],
      level: 'senior',
      teamId: oid(east.id),
      availability: 'available',
      active: true,
      identities: [{ platform: 'sandbox', userId: `matrix-${role}` }],
    };
  });
  await t.app.models.Member.insertMany(docs);
  const members = await t.app.repos.members.list(org.id);
  return Object.fromEntries(
    ROLES.map((role) => [role, members.find((m) => m.name === `矩阵${role}`) as Member]),
  ) as Record<Role, Member>;
}
