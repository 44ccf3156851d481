import { Types } from 'mongoose';
import type { Models } from '../../src/storage/models.js';

// Records of every exportable kind in March 2025 (Asia/Shanghai), far from the demo's own data, so an export of
// that month holds exactly these: two owners in two teams, a pooled lead, a corrected follow-up, hours reported
// and approved. Texts carry what a CSV must quote (commas, quotes, newlines) and a formula to neutralise.

export const MARCH = { from: '2025-03-01', to: '2025-03-31' } as const;
export const PHONE_LI = '13812345678';
export const PHONE_CUSTOMER = '13987654321';
/** The audit export's header for a zh-CN org, as a reader of the file sees it (one place for every test of it). */
export const AUDIT_HEADER_ZH = [
  '时间',
  '操作人',
  '来源',
  '接口令牌',
  '操作',
  '对象',
  '修改前',
  '修改后',
  '详情',
];
export const TRICKY = '客户说"再考虑",下周回电\n第二行';

const at = (day: number, hour = 10) => new Date(Date.UTC(2025, 2, day, hour - 8));

export async function seedExportData(models: Models) {
  const org = await models.Org.findOne({}).lean();
  if (!org) throw new Error('no demo org');
  const orgId = org._id;
  const members = await models.Member.find({ orgId }).lean();
  const teams = await models.Team.find({ orgId }).lean();
  const m = (name: string) => {
    const found = members.find((x) => x.name === name);
    if (!found) throw new Error(`no member ${name}`);
    return found;
  };
  const team = (name: string) => teams.find((x) => x.name === name)?._id as Types.ObjectId;
  const li = m('李娜');
  const sun = m('孙磊');
  const east = team('华东销售组');
  const bd = team('BD组');
  const lead = (code: string, extra: Record<string, unknown>) => ({
    _id: new Types.ObjectId(),
    orgId,
    code,
    source: 'api',
    tags: ['展会'],
    score: 60,
    grade: 'normal',
    history: [],
    version: 1,
    updatedAt: at(5),
    ...extra,
  });
  const leads = [
    lead('L-9001', {
      contact: { name: '王芳', phone: PHONE_LI, company: '=HYPERLINK("http://x")' },
      status: 'assigned',
      teamId: east,
      ownerId: li._id,
      ownerName: li.name,
      createdAt: at(3),
    }),
    lead('L-9002', {
      contact: { name: 'Tom', phone: '13700001111', company: '蓝海科技' },
      status: 'assigned',
      teamId: bd,
      ownerId: sun._id,
      ownerName: sun.name,
      createdAt: at(4),
    }),
    lead('L-9003', {
      contact: { name: '赵六', phone: '13600002222' },
      status: 'pooled',
      teamId: east,
      createdAt: at(5),
    }),
    // April: outside the month asked.
    lead('L-9004', { contact: { name: '四月' }, status: 'pooled', teamId: east, createdAt: at(33) }),
  ];
  await models.Lead.insertMany(leads);
  const recordA = new Types.ObjectId();
  const followUp = (extra: Record<string, unknown>) => ({ orgId, channel: 'phone', at: at(6), ...extra });
  await models.FollowUp.insertMany([
    followUp({
      _id: recordA,
      recordId: recordA,
      version: 1,
      leadId: leads[0]?._id,
      content: '初稿',
      authorId: li._id,
      authorName: li.name,
      supersededAt: at(7),
    }),
    followUp({
      recordId: recordA,
      version: 2,
      leadId: leads[0]?._id,
      content: TRICKY,
      outcome: 'trial-booked',
      authorId: li._id,
      authorName: li.name,
      correctedAt: at(7),
      correctedById: li._id,
      correctedByName: li.name,
    }),
    followUp({
      recordId: new Types.ObjectId(),
      version: 1,
      leadId: leads[1]?._id,
      content: '-5 折扣',
      authorId: sun._id,
      authorName: sun.name,
    }),
  ]);
  const customers = [
    {
      _id: new Types.ObjectId(),
      orgId,
      leadId: leads[0]?._id,
      leadCode: 'L-9001',
      name: '王芳公司',
      contacts: [{ name: '王芳', phone: PHONE_CUSTOMER }],
      ownerId: li._id,
      ownerName: li.name,
      teamId: east,
      createdAt: at(8),
    },
    {
      _id: new Types.ObjectId(),
      orgId,
      leadId: leads[1]?._id,
      leadCode: 'L-9002',
      name: '蓝海科技',
      contacts: [{ name: 'Tom' }],
      ownerId: sun._id,
      ownerName: sun.name,
      teamId: bd,
      createdAt: at(9),
    },
  ];
  await models.Customer.insertMany(customers);
  const orders = customers.map((c, i) => ({
    orgId,
    number: `SO-9${i}`,
    customerId: c._id,
    amount: 1000 * (i + 1) + 0.5,
    contractNo: `HT-9${i}`,
    signedAt: at(10 + i),
    ownerId: c.ownerId,
    ownerName: c.ownerName,
    teamId: c.teamId,
    createdAt: at(10 + i),
  }));
  await models.Order.insertMany(orders);
  const xu = m('许亮');
  const tang = m('唐雪');
  const gao = m('高峰');
  const complaints = customers.map((c, i) => ({
    _id: new Types.ObjectId(),
    orgId,
    code: `C-9${i}`,
    customerId: c._id,
    customerName: c.name,
    customerOwnerId: c.ownerId,
    order: {
      id: new Types.ObjectId().toHexString(),
      number: `SO-9${i}`,
      amount: 1000,
      contractNo: `HT-9${i}`,
      signedAt: at(10),
    },
    priority: 'high',
    category: '质量',
    description: `设备故障 ${i}`,
    reporter: { kind: 'member', memberId: c.ownerId?.toHexString(), name: c.ownerName },
    status: 'assigned',
    round: 1,
    assigneeId: (i === 0 ? xu : tang)._id,
    assigneeName: (i === 0 ? xu : tang).name,
    history: [],
    version: 1,
    createdAt: at(12 + i),
  }));
  await models.Complaint.insertMany(complaints);
  await models.Task.insertMany(
    complaints.map((c, i) => ({
      orgId,
      code: `T-9${i}`,
      complaintId: c._id,
      complaintCode: c.code,
      round: 1,
      customerId: c.customerId,
      customerName: c.customerName,
      priority: 'high',
      assigneeId: c.assigneeId,
      assigneeName: c.assigneeName,
      managerIds: [gao._id],
      status: i === 0 ? 'approved' : 'open',
      assignedAt: at(13 + i),
      dueAt: at(14 + i),
      remindAt: at(14 + i, 6),
      pausedMs: 0,
      pauses: [],
      history: [],
      version: 1,
      createdAt: at(13 + i),
      ...(i === 0
        ? {
            report: { completedAt: at(14), hours: 3.5, result: '已更换电源模块', reportedAt: at(14) },
            approval: {
              hours: 3,
              by: { memberId: gao._id.toHexString(), name: gao.name },
              at: at(15),
              adjusted: true,
            },
          }
        : {}),
    })),
  );
  // The audit trail of that month: an admin's settings change in DingTalk, a manager's reassignment in WeCom and a
  // backup from the command line (no member: the OS user's name), as record-audit.ts writes them.
  const zhou = m('周建国');
  const wang = m('王海峰');
  const expireAt = new Date(Date.UTC(2028, 2, 1));
  await models.AuditEntry.create([
    {
      _id: new Types.ObjectId().toHexString(),
      orgId,
      at: at(2),
      actor: { kind: 'member', memberId: zhou._id.toHexString(), name: zhou.name },
      via: { platform: 'dingtalk' },
      kind: 'settings.update',
      target: { type: 'org', id: orgId.toHexString() },
      before: { reclaimAfterHours: 48 },
      after: { reclaimAfterHours: 72 },
      expireAt,
    },
    {
      _id: new Types.ObjectId().toHexString(),
      orgId,
      at: at(6),
      actor: { kind: 'member', memberId: wang._id.toHexString(), name: wang.name },
      via: { platform: 'wecom' },
      kind: 'lead.reassign',
      target: { type: 'lead', id: leads[0]?._id.toHexString() ?? '', label: 'L-9001' },
      before: { ownerName: sun.name },
      after: { ownerName: li.name },
      expireAt,
    },
    {
      _id: `${orgId.toHexString()}/backup.make/leadrelay-20250307.tar`,
      orgId,
      at: at(7),
      actor: { kind: 'cli', name: 'ops' },
      via: { cli: true, script: 'backup' },
      kind: 'backup.make',
      target: { type: 'backup', id: 'leadrelay-20250307.tar' },
      details: { scope: 'all', documents: 120, bytes: 4096 },
      expireAt,
    },
  ]);
  return { orgId: orgId.toHexString(), eastId: east.toHexString(), bdId: bd.toHexString() };
}
