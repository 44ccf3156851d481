import { describe, expect, it } from 'vitest';
import type { OutboundMessage } from '../../src/chat/card.js';
import { LEAD_ACTIONS } from '../../src/chat/render/lead-card.js';
import type { RenderContext } from '../../src/chat/render/render-context.js';
import { renderNotice, renderSummary } from '../../src/chat/render/render-notice.js';
import { whyCard } from '../../src/chat/render/why-card.js';
import { en } from '../../src/chat/texts/en.js';
import { zhCN } from '../../src/chat/texts/zh-cn.js';
import { type Lead, leadCardData } from '../../src/core/leads/index.js';
import type { ErrorCode, ErrorDetails } from '../../src/core/shared/errors.js';
import { customerId, leadId, memberId, orderId, teamId } from '../../src/core/shared/ids.js';
import type { NoticeDataByKind, NoticeKind, NoticeRecipient } from '../../src/core/shared/notices.js';
import { makeMember } from '../core/fakes.js';
import { AT, DIRECTOR, HOUR, MANAGER, REP_A, REP_B } from '../core/lead-world.js';
import { sampleCards } from './render/report-card-fixtures.js';
import { chatOverFakes } from './support/chat-over-fakes.js';

// Issue #11, item 1: a zh-CN org reads Chinese only. Every card (each notice kind), every error code and every
// handler reply is drawn in zh-CN and scanned for Latin words and internal codes. What may appear is listed here,
// each for a reason; anything else fails the test, so a new English text or a leaked code is caught.

const ALLOWED = new Set([
  'Leadrelay', // the product's name
  'Slack', // a platform's own name, as its users know it
  'API', // said of the API token, to API callers only
  'Idempotency-Key', // an HTTP header an API caller sends, named as sent
  'externalId', // an API field an API caller sends, named as sent
  'Content-Type', // the HTTP header an API caller sets, named as sent
  'JSON', // the body format an API caller sends
  'UTF-8', // its one accepted charset
]);
// The English command aliases are what people may type (the help says so); ids are shown to be copied; an email
// address is the customer's own, shown as given.
const COPYABLE = [
  /\/(lead|pool|followup|complaint|hours|report|link|help)\b/g,
  /\b[0-9a-f]{24}\b/g,
  // After-sales short codes (complaint TS-1001, task T-1001-2) and order numbers (SO-1001) are typed in commands.
  /\b(?:TS|T|SO)-\d+(?:-\d+)?\b/g,
  /[\w.+-]+@[\w-]+(\.[\w-]+)+/g,
  /\bSO-\d+\b/g, // an order number (`SO-1001`), shown to be copied like a lead code
  /\blr_[\w-]+/g, // an API token (`/令牌 新建`) or its prefix, shown to be copied
];

function latinProblems(text: string): string[] {
  let rest = text;
  for (const pattern of COPYABLE) rest = rest.replace(pattern, ' ');
  const problems: string[] = [];
  for (const word of rest.match(/[A-Za-z][A-Za-z0-9_.-]*[A-Za-z0-9]|[A-Za-z]/g) ?? []) {
    if (ALLOWED.has(word)) continue;
    if (/_/.test(word) || /[a-z]\.[a-z]/i.test(word)) problems.push(`code "${word}"`);
    else if (/[A-Za-z]{2,}/.test(word)) problems.push(`word "${word}"`);
  }
  return problems;
}

function textsOf(message: OutboundMessage): string[] {
  const card = message.card;
  return [
    ...(message.text ? [message.text] : []),
    ...(card
      ? [
          card.title,
          card.status ?? '',
          card.markdown ?? '',
          ...card.fields.flatMap((f) => [f.label, f.value]),
          ...card.buttons.map((b) => b.label),
          ...(card.images ?? []).map((i) => i.alt),
        ]
      : []),
  ];
}

const expectChinese = (what: string, message: OutboundMessage) => {
  const problems = textsOf(message).flatMap((text) => latinProblems(text).map((p) => `${p} in «${text}»`));
  expect(problems, what).toEqual([]);
};

const TEAM = teamId('00000000000000000000b001');
const LEAD = leadId('6b0f064758542000d1edf016');
const ctx = (to: NoticeRecipient): RenderContext => ({
  texts: zhCN,
  locale: 'zh-CN',
  timeZone: 'Asia/Shanghai',
  to,
});
const toRep = { kind: 'member', memberId: REP_A.id } as const;
const toTeam = { kind: 'team', teamId: TEAM } as const;

const lead = (overrides: Partial<Lead> = {}): Lead =>
  ({
    id: LEAD,
    orgId: REP_A.orgId,
    contact: { name: '王芳', phone: '13800000001', company: '上海华为技术有限公司', email: 'wf@example.cn' },
    region: '上海',
    productLine: '企业版',
    source: 'website',
    campaign: '双十二',
    intent: '想了解报价',
    tags: [],
    score: 82,
    grade: 'important',
    status: 'claimed',
    teamId: TEAM,
    ownerId: REP_A.id,
    ownerName: REP_A.name,
    followUpStatus: 'unfollowed',
    reclaimAt: new Date(AT.getTime() + 48 * HOUR),
    dueAt: new Date(AT.getTime() + 24 * HOUR),
    history: [
      { type: 'assigned', at: AT, ownerId: REP_A.id, reason: { kind: 'assignment', code: 'rule_matched' } },
    ],
    version: 3,
    createdAt: AT,
    updatedAt: AT,
    cooldowns: [],
    ...overrides,
  }) as Lead;

const { ownerId: _o, ownerName: _n, ...unowned } = lead();
const reclaimed: Lead = {
  ...unowned,
  status: 'pooled',
  history: [{ type: 'reclaimed', at: AT, fromOwnerId: REP_A.id, reason: { kind: 'timeout', hours: 48 } }],
};
const released = lead({
  status: 'pooled',
  history: [
    {
      type: 'released',
      at: AT,
      actorName: REP_A.name,
      reason: { kind: 'typed', text: '客户说暂时不需要，下季度再联系' },
    },
  ],
} as Partial<Lead>);
const record = {
  type: 'timeout' as const,
  at: AT,
  grade: 'important' as const,
  reason: { kind: 'timeout' as const, hours: 48 },
  originalOwnerId: REP_A.id,
  originalOwnerName: REP_A.name,
};

const contactPlan = {
  leadId: LEAD,
  code: 'L-1042',
  version: 4,
  name: '王磊',
  company: '华东电气',
  ownerName: REP_A.name,
  nextContactAt: new Date(AT.getTime() + 24 * HOUR).toISOString(),
  lastOutcome: 'trial-booked',
  lastChannel: 'phone',
  snooze: [] as string[],
};

/** One or more samples of every notice kind; a kind without one does not compile. */
const NOTICES: { readonly [K in NoticeKind]: readonly [NoticeRecipient, NoticeDataByKind[K]][] } = {
  'export.file': [
    [
      toRep,
      {
        fileId: 'f-1',
        fileName: '跟进记录-2026-11.csv',
        mime: 'text/csv',
        kind: 'follow-ups',
        rows: 1204,
        period: '本月',
      },
    ],
  ],
  'export.empty': [[toRep, { kind: 'follow-ups', period: '上月' }]],
  'export.failed': [
    [toRep, { kind: 'leads', code: 'FORBIDDEN' }],
    [toRep, { kind: 'leads', period: '本周', code: 'failed' }],
  ],
  'member.status': [
    [
      toRep,
      {
        memberId: REP_A.id,
        name: REP_A.name,
        teamName: '华东销售组',
        level: 'junior',
        dailyCap: 20,
        availability: 'available',
        receivesLeads: true,
        roles: ['rep'],
        greeting: true,
      },
    ],
    [
      toRep,
      {
        memberId: REP_A.id,
        name: '陈静',
        level: 'senior',
        dailyCap: 20,
        availability: 'on_leave',
        receivesLeads: false,
        roles: ['admin', 'aftersales'],
        greeting: true,
      },
    ],
  ],
  'lead.card': [lead(), reclaimed, released, lead({ status: 'assigned' })].flatMap((l) => [
    [toRep, leadCardData(l)] as [NoticeRecipient, NoticeDataByKind['lead.card']],
    [toTeam, leadCardData(l)] as [NoticeRecipient, NoticeDataByKind['lead.card']],
  ]),
  'lead.duplicate': (['phone', 'email', 'company'] as const).map((k) => [
    toRep,
    {
      leadId: LEAD,
      originalId: leadId('6b0f064758542000d1edf017'),
      source: 'event',
      campaign: '春季展会',
      name: '刘洋',
      company: '华东电气',
      matchedOn: [k],
    },
  ]),
  'lead.reminder': [
    [toRep, { ...leadCardData(lead()), step: 'nudge' }],
    [
      { kind: 'member', memberId: memberId('00000000000000000000c003') },
      { ...leadCardData(lead()), step: 'manager' },
    ],
  ],
  'report.card': sampleCards().map((data) => [toTeam, data]),
  'plan.reminder': [true, false].map((done) => [toRep, { ...contactPlan, done, snooze: ['1h', 'tomorrow'] }]),
  'plan.agenda': [
    [
      toRep,
      {
        memberName: REP_A.name,
        day: '2026-03-02',
        mine: {
          today: {
            count: 4,
            leads: [
              {
                leadId: LEAD,
                code: 'L-1042',
                name: '王磊',
                at: AT.toISOString(),
                lastOutcome: 'trial-booked',
              },
            ],
          },
          overdue: {
            count: 1,
            leads: [{ leadId: LEAD, name: '刘洋', at: AT.toISOString(), unfollowed: true }],
          },
          stalled: { count: 0, leads: [] },
        },
        teams: [
          {
            teamName: '华东销售组',
            lists: {
              today: { count: 0, leads: [] },
              overdue: { count: 0, leads: [] },
              stalled: { count: 1, leads: [{ leadId: LEAD, company: '华东电气', at: AT.toISOString() }] },
            },
          },
        ],
      },
    ],
  ],
  'backup.failed': (['disk_full', 'no_access', 'database', 'other'] as const).map((reason) => [
    toRep,
    { reason, error: 'ENOSPC: no space left on device, write', at: AT.toISOString() },
  ]),
  'member.handed_over': [
    [
      toRep,
      {
        leaverName: '张伟',
        leadCount: 12,
        leads: [
          { code: 'L-1042', name: '王先生', company: '云杉科技', grade: 'important' },
          { code: 'L-1043', grade: 'normal' },
        ],
        taskCount: 3,
        tasks: [{ code: 'T-1001', customerName: '云杉科技' }],
        toPool: false,
      },
    ],
    [
      toTeam,
      {
        leaverName: '张伟',
        leadCount: 1,
        leads: [{ grade: 'normal' }],
        taskCount: 0,
        tasks: [],
        toPool: true,
      },
    ],
  ],
  'backup.drill': [
    [toRep, { passed: true, backupAt: AT.toISOString(), documents: 32104, seconds: 41, differences: [] }],
    [
      toRep,
      {
        passed: false,
        backupAt: AT.toISOString(),
        documents: 32104,
        seconds: 41,
        differences: [
          { collection: 'leads', what: 'count', expected: 10, actual: 9 },
          { collection: 'follow_ups', what: 'documents_checksum', expected: 'ab', actual: 'cd' },
          { collection: 'new_things', what: 'missing_file', expected: 'x', actual: '' },
        ],
      },
    ],
    [
      toRep,
      { passed: false, documents: 0, seconds: 0, differences: [], failure: 'no_backup', error: 'none' },
    ],
    [
      toRep,
      {
        passed: false,
        documents: 0,
        seconds: 3,
        differences: [],
        failure: 'restore_failed',
        error: 'E11000',
      },
    ],
  ],
  'plan.missed': [[{ kind: 'member', memberId: memberId('00000000000000000000c003') }, contactPlan]],
  'lead.approval': (['pending', 'approved', 'kept'] as const).flatMap((approval) =>
    (['timeout', 'manual'] as const).map(
      (type) =>
        [
          toTeam,
          {
            lead: leadCardData(lead()),
            record: {
              ...record,
              type,
              approval,
              ...(type === 'manual'
                ? { reason: { kind: 'typed', text: '客户要求换人，希望资深销售跟进' } }
                : {}),
            },
            candidates: [{ memberId: REP_B.id, name: REP_B.name }],
            decidedByName: DIRECTOR.name,
            newOwnerName: REP_B.name,
          },
        ] as [NoticeRecipient, NoticeDataByKind['lead.approval']],
    ),
  ),
  'lead.decision': [
    [
      toTeam,
      {
        leadId: LEAD,
        approval: 'approved',
        decidedByName: DIRECTOR.name,
        originalOwnerId: REP_A.id,
        originalOwnerName: REP_A.name,
        newOwnerId: REP_B.id,
        newOwnerName: REP_B.name,
      },
    ],
    [
      toTeam,
      {
        leadId: LEAD,
        approval: 'kept',
        decidedByName: DIRECTOR.name,
        originalOwnerId: REP_A.id,
        originalOwnerName: REP_A.name,
      },
    ],
  ],
  'lead.moved_away': [
    [toRep, { leadId: LEAD, code: 'L-1042', name: '刘洋', byName: '王主管', toName: REP_B.name }],
    [toRep, { leadId: LEAD, code: 'L-1042', company: '华东电气', byName: '王主管' }],
    [toRep, { leadId: LEAD, toName: REP_B.name }],
  ],
  'stage.quote': [
    [
      toRep,
      {
        leadId: LEAD,
        code: 'L-1042',
        name: '王磊',
        amount: 50_000,
        items: '服务器2台 + 安装',
        remindAt: AT.toISOString(),
      },
    ],
  ],
  'customer.hand_off': [
    [
      toTeam,
      {
        leadId: LEAD,
        code: 'L-1042',
        customerId: customerId('6b0f064758542000d1edf0c1'),
        customerName: '星河科技',
        contactName: '王磊',
        phone: '13800000001',
        orderId: orderId('6b0f064758542000d1edf0d1'),
        orderNumber: 'SO-1001',
        contractNo: '合同2026-001',
        amount: 48_000,
        signedAt: AT.toISOString(),
        items: '服务器2台 + 安装',
        ownerName: REP_A.name,
      },
    ],
  ],
  'member.link_request': (['pending', 'approved', 'rejected'] as const).map((state) => [
    { kind: 'member', memberId: memberId('00000000000000000000c005') },
    {
      memberId: REP_A.id,
      memberName: REP_A.name,
      platform: 'dingtalk',
      userId: '0412345678',
      state,
      decidedBy: '管理员',
    },
  ]),
  'after_sales.complaint': [
    [
      toTeam,
      {
        complaintId: '00000000000000000000d001',
        code: 'TS-1001',
        status: 'unassigned',
        priority: 'urgent',
        category: '设备故障',
        description: '设备无法开机',
        customerName: '上海云启',
        orderNumber: 'SO-1001',
        orderItems: '服务器 2 台',
        contractNo: '沪合同2024017',
        signedAt: AT.toISOString(),
        createdAt: AT.toISOString(),
        assigneeName: '许亮',
        taskCode: 'T-1001',
      },
    ],
    // The centre card before (its staff buttons, the time allowed) and after the assignment (task, due time).
    [
      toTeam,
      {
        complaintId: '00000000000000000000d001',
        code: 'TS-1001',
        status: 'unassigned',
        priority: 'high',
        category: '物流',
        description: '外包装破损',
        customerName: '上海云启',
        orderNumber: 'SO-1001',
        contractNo: '沪合同2024017',
        signedAt: AT.toISOString(),
        createdAt: AT.toISOString(),
        slaHours: 24,
        assignees: [{ memberId: REP_A.id, name: '许亮', openTasks: 2 }],
      },
    ],
    [
      toTeam,
      {
        complaintId: '00000000000000000000d001',
        code: 'TS-1001',
        status: 'assigned',
        priority: 'high',
        category: '物流',
        description: '外包装破损',
        customerName: '上海云启',
        orderNumber: 'SO-1001',
        contractNo: '沪合同2024017',
        signedAt: AT.toISOString(),
        createdAt: AT.toISOString(),
        assigneeName: '许亮',
        taskCode: 'T-1001',
        dueAt: AT.toISOString(),
      },
    ],
  ],
  'after_sales.task': (['assigned', 'remind', 'due', 'review', 'returned', 'approved'] as const).map(
    (moment) => [
      toRep,
      {
        taskId: '00000000000000000000d002',
        code: 'T-1001',
        complaintCode: 'TS-1001',
        moment,
        status: moment === 'approved' ? 'approved' : 'in_review',
        priority: 'high',
        customerName: '上海云启',
        assigneeId: REP_A.id,
        assigneeName: '许亮',
        managerIds: [REP_A.id],
        problem: '设备无法开机',
        dueAt: AT.toISOString(),
        at: AT.toISOString(),
        paused: moment === 'remind',
        pauseReason: 'parts',
        approvedByName: '高峰',
        reportedHours: 3.5,
        completedAt: AT.toISOString(),
        result: '已更换电源模块',
        approvedHours: 3,
        overdue: moment === 'approved',
        note: '请补充更换记录',
      },
    ],
  ),
};

/** Every error code with details as the code's thrower gives them; a code without an entry does not compile. */
const ERRORS: Readonly<Record<ErrorCode, ErrorDetails>> = {
  VALIDATION_FAILED: {
    issues: [
      {
        field: 'reason',
        message: 'say why, in a few words',
        problem: { kind: 'too_small', minimum: 2, of: 'text' },
      },
    ],
  },
  NOT_FOUND: { method: 'GET', path: '/api/v1/nothing' },
  CONFLICT: { leadId: LEAD },
  PAYLOAD_TOO_LARGE: { limitBytes: 20_000_000 },
  UNSUPPORTED_MEDIA_TYPE: { contentType: 'application/x-www-form-urlencoded' },
  ORG_NOT_FOUND: {},
  TEAM_NOT_FOUND: { teamId: TEAM },
  MEMBER_NOT_FOUND: { memberId: REP_A.id },
  MEMBER_INACTIVE: { memberId: REP_A.id },
  MEMBER_ALREADY_LEFT: { name: '张伟', byName: '王管理', at: AT.toISOString() },
  OFFBOARDING_IN_PROGRESS: { name: '张伟', byName: '王管理' },
  HANDOVER_RECEIVER_NOT_ELIGIBLE: { name: '李娜', why: 'inactive' },
  FORBIDDEN: { action: 'lead.read_all' },
  UNAUTHENTICATED: {},
  IDENTITY_NOT_LINKED: { platform: 'dingtalk' },
  TOKEN_NOT_FOUND: { ref: '报表脚本' },
  TOKEN_AMBIGUOUS: { ref: '报表', count: 2 },
  LEAD_NOT_FOUND: { leadId: LEAD },
  LEAD_ALREADY_CLAIMED: { leadId: LEAD, ownerName: REP_B.name },
  LEAD_ASSIGNED_TO_OTHER: { leadId: LEAD, ownerName: REP_B.name },
  LEAD_IS_DUPLICATE: { leadId: LEAD },
  ASSIGNEE_NOT_ELIGIBLE: { name: '张伟', why: 'at_daily_cap' },
  LEAD_NOT_YOURS: { leadId: LEAD, action: 'follow_up' },
  FOLLOW_UP_NOT_FOUND: { followUpId: LEAD },
  FOLLOW_UP_NOT_YOURS: { followUpId: LEAD },
  FOLLOW_UP_SUPERSEDED: { followUpId: LEAD },
  LEAD_NOT_IN_YOUR_TEAM: { leadId: LEAD },
  INTERN_IMPORTANT_LEAD: { leadId: LEAD },
  PRIVATE_POOL_FULL: { capacity: 50 },
  BATCH_TOO_LARGE: { max: 1000, got: 1200 },
  IDEMPOTENCY_KEY_REUSED: { leadId: LEAD, matchedOn: 'externalId' },
  POOL_CLAIM_LIMIT: { limit: 5, until: '2026-03-03T00:00:00.000Z', timeZone: 'Asia/Shanghai' },
  CLAIM_COOLDOWN: { until: '2026-03-03T00:00:00.000Z', timeZone: 'Asia/Shanghai' },
  LEAD_NOT_RELEASABLE: { leadId: LEAD },
  RELEASE_NOT_PENDING: { leadId: LEAD },
  NOT_A_CANDIDATE: { memberId: REP_B.id },
  UNKNOWN_COMMAND: { command: '报表' },
  UNKNOWN_ACTION: { actionId: 'lead.claim', message: 'm-1' },
  BAD_COMMAND_ARGS: { command: 'lead' },
  COMPLAINT_NOT_FOUND: { ref: 'TS-1001' },
  COMPLAINT_ASSIGN_NOT_MANAGER: { roles: ['aftersales'] },
  COMPLAINT_CUSTOMER_NOT_FOUND: { customer: '上海云启' },
  COMPLAINT_CUSTOMER_UNKNOWN: { customerId: LEAD },
  COMPLAINT_ORDER_NOT_OF_CUSTOMER: {
    orderNumber: 'SO-9999',
    choices: [{ number: 'SO-1001', items: '服务器 2 台', signedAt: AT.toISOString() }],
  },
  COMPLAINT_ALREADY_ASSIGNED: { code: 'TS-1001', assigneeName: '许亮', assignedByName: '高峰' },
  COMPLAINT_STATUS_CONFLICT: { code: 'TS-1001', status: 'closed' },
  ASSIGNEE_NOT_AFTER_SALES: { memberId: REP_A.id },
  TASK_NOT_FOUND: { ref: 'T-1001' },
  TASK_NOT_YOURS: { taskCode: 'T-1001', assigneeName: '许亮' },
  TASK_STATUS_CONFLICT: { taskCode: 'T-1001', status: 'approved', step: 'start' },
  TASK_ALREADY_DECIDED: { taskCode: 'T-1001', decidedByName: '高峰' },
  STAGE_NOT_FOUND: { to: '签单', stages: ['线索', '意向', '沟通', '报价', '成交', '流失'] },
  STAGE_NOT_YOURS: { leadId: LEAD },
  STAGE_REOPEN_FORBIDDEN: { leadId: LEAD, from: '成交' },
  STAGE_NOT_ALLOWED: { leadId: LEAD },
  STAGE_CLOSED: { leadId: LEAD, stage: '成交' },
  CONTRACT_NO_TAKEN: { contractNo: '合同2026-001', orderNumber: 'SO-1001' },
  CUSTOMER_NOT_FOUND: { customerId: '6b0f064758542000d1edf0c1' },
  ORDER_NUMBER_TAKEN: { number: 'SO-2024-017', orderId: '6b0f064758542000d1edf0c2' },
  ORDER_KEY_REUSED: { key: 'k-1', number: 'SO-2024-017' },
  ORDER_OWNER_NOT_FOUND: { owner: '张伟' },
  DASHBOARD_LINK_INVALID: { reason: 'used' },
  EXPORT_KIND_UNKNOWN: { kind: '联系人', kinds: ['leads', 'follow-ups'] },
};

describe('a zh-CN org reads Chinese only', () => {
  it('catches a Latin word and a code, and lets names, ids and commands through', () => {
    expect(latinProblems('超时回流：not followed up within 48 h')).toEqual([
      'word "not"',
      'word "followed"',
      'word "up"',
      'word "within"',
    ]);
    expect(latinProblems('分配：rule_matched（lead.read_all）')).toEqual([
      'code "rule_matched"',
      'code "lead.read_all"',
    ]);
    expect(latinProblems('发送 /lead 6b0f064758542000d1edf016 查看 Leadrelay 线索')).toEqual([]);
  });

  it.each(Object.entries(NOTICES))('draws every %s card in Chinese', (kind, samples) => {
    for (const [to, data] of samples)
      expectChinese(kind, renderNotice({ kind: kind as NoticeKind, data } as never, ctx(to)));
  });

  it('draws the “why me” card in Chinese', () => {
    const assignment = {
      ruleId: 'east-china',
      ruleName: '华东线索',
      strategy: 'round_robin' as const,
      reason: 'rule_matched' as const,
      position: 2,
      teamSize: 4,
      skipped: [{ memberId: REP_B.id, why: 'at_daily_cap' as const }],
      at: AT,
    };
    expectChinese('why', whyCard(lead({ assignment }), new Map([[REP_B.id, REP_B.name]]), zhCN));
  });

  it('draws every summary card of the quiet delivery in Chinese', () => {
    // A burst big enough for the "N more" line, with and without a name (a nameless lead shows its code).
    const burst = [
      lead(),
      lead({ campaign: '春季展会', score: 90 }),
      ...Array(6).fill(lead({ contact: {} } as never)),
    ];
    const cards = burst.map(leadCardData);
    const summaries: [string, NoticeRecipient, readonly unknown[]][] = [
      ['pool', toTeam, cards],
      ['owner', toRep, cards],
      ['reminder', toRep, cards.map((c) => ({ ...c, step: 'nudge' }))],
      ['reminder', { kind: 'member', memberId: MANAGER.id }, cards.map((c) => ({ ...c, step: 'manager' }))],
    ];
    for (const [kind, to, data] of summaries) {
      const notices = data.map((d) => ({ data: d }) as never);
      expectChinese(`${kind} summary`, renderSummary(kind as never, notices, ctx(to)));
    }
  });

  it.each(Object.entries(ERRORS))('words %s in Chinese', (code, details) => {
    expectChinese(code, { text: zhCN.errors[code as ErrorCode](details) });
  });

  it('words every /令牌 answer in Chinese', () => {
    const t = zhCN.tokens;
    const texts = [
      t.created({
        name: '报表脚本',
        prefix: 'lr_AbCd1',
        secret: 'lr_AbCd1xYz-_0123456789abcdefghijklmnopqrstu',
      }),
      t.listTitle(2),
      t.line({ name: '报表脚本', prefix: 'lr_AbCd1', created: '12/02 16:30', lastUsed: '12/03 09:05' }),
      t.line({ name: '同步', prefix: 'lr_Zz9_k', created: '12/02 16:30' }),
      t.none,
      t.revoked('报表脚本', 'lr_AbCd1'),
      t.alreadyRevoked('报表脚本', 'lr_AbCd1'),
      t.dmOnly,
      t.noName,
      t.nameTaken('报表脚本'),
      t.nameTooLong(64),
      t.noRef,
      t.unknown('重置'),
    ];
    for (const text of texts) expectChinese(text, { text });
  });

  it('names hand assignment in /help and in the /lead usage line', async () => {
    const { type } = chatOverFakes();
    const help = (await type(REP_A, 'help', [])).replies[0]!.card!.markdown;
    expect(help).toContain('/线索 分配 编号 成员|公海 [原因]');
    const usage = (await type(MANAGER, 'lead', ['分配', LEAD])).replies[0]!.text;
    expect(usage).toContain('/线索 分配 编号 成员|公海 [原因]');
    expect(en.help.commands.lead).toContain('/lead assign ID member|pool [reason]');
  });

  it('answers every command and button in Chinese', async () => {
    const admin = makeMember('00000000000000000000e002', { name: '陈静', roles: ['admin'] });
    const { w, type, click } = chatOverFakes();
    const pooled = await w.store({ source: 'website', contact: { name: '客户乙', phone: '13800000002' } });
    const mine = await w.store({
      status: 'claimed',
      ownerId: REP_A.id,
      ownerName: REP_A.name,
      source: 'event',
    });
    const replies: [string, OutboundMessage[]][] = [];
    const say = async (what: string, answer: Promise<{ replies: readonly OutboundMessage[] }>) =>
      replies.push([what, [...(await answer).replies]]);
    await say('/lead (empty)', type(REP_B, 'lead', []));
    await say('/pool', type(REP_B, 'pool', []));
    await say('/help', type(REP_A, 'help', []));
    await say('/lead', type(REP_A, 'lead', []));
    await say('/lead ID', type(REP_A, 'lead', [mine.id]));
    await say('/lead ID (not yours)', type(REP_B, 'lead', [mine.id]));
    await say('/lead claim', type(REP_A, 'lead', ['claim']));
    await say('/lead release no reason', type(REP_A, 'lead', ['release', mine.id]));
    await say('/followup no text', type(REP_A, 'followup', [mine.id]));
    await say('/followup not yours', type(REP_B, 'followup', [mine.id, '电话沟通，有意向']));
    await say('/followup', type(REP_A, 'followup', [mine.id, '电话沟通，有意向']));
    await say('/lead release', type(REP_A, 'lead', ['release', mine.id, '客户说暂时不需要，下季度再联系']));
    await say('/lead ID (history)', type(REP_A, 'lead', [mine.id]));
    await say('/stage refused', type(REP_A, 'stage', [mine.id, '报价']));
    await say('/stage', type(REP_A, 'stage', [mine.id, '报价', '金额', '5万', '明细', '服务器2台']));
    await say('/stage show', type(REP_A, 'stage', [mine.id]));
    await say('unknown command', type(REP_A, 'hours', []));
    await say('claim click', click(REP_B, LEAD_ACTIONS.claim, pooled.id));
    await say('claim click (second)', click(REP_A, LEAD_ACTIONS.claim, pooled.id));
    await say('why click', click(REP_B, LEAD_ACTIONS.why, pooled.id));
    await say('someone else’s follow-up button', click(REP_A, LEAD_ACTIONS.followUp, pooled.id));
    await say('unknown button', click(REP_A, 'lead.frobnicate', pooled.id));
    await say('not linked', type(admin, 'lead', []));
    // Hand assignment (item 7): the manager's reassign button, its picker, each move, and each refusal.
    await say('/lead ID (manager)', type(MANAGER, 'lead', [mine.id]));
    await say('reassign click', click(MANAGER, LEAD_ACTIONS.assign, pooled.id));
    await say('reassign pick', click(MANAGER, LEAD_ACTIONS.assignTo, `${pooled.id}:${REP_B.id}`));
    await say('/lead assign', type(MANAGER, 'lead', ['assign', pooled.id, REP_A.name, '客户', '指定']));
    await say('/lead assign pool', type(MANAGER, 'lead', ['assign', pooled.id, '公海']));
    await say('/线索 分配 no member', type(MANAGER, 'lead', ['分配', pooled.id]));
    await say('/lead assign not allowed', type(REP_A, 'lead', ['assign', pooled.id, REP_B.name]));
    await say('/lead assign unknown member', type(MANAGER, 'lead', ['assign', pooled.id, '无名氏']));
    await say('/lead assign not eligible', type(MANAGER, 'lead', ['assign', pooled.id, MANAGER.name]));
    for (const [what, messages] of replies) for (const m of messages) expectChinese(what, m);
    expect(replies.flatMap(([, m]) => m).length).toBeGreaterThan(20);
  });
});
