import { randomBytes } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EXPORT_COLUMNS, EXPORT_KINDS } from '../../src/core/exports/index.js';
import { hashToken } from '../../src/core/org/api-tokens.js';
import { SESSION_COOKIE } from '../../src/http/dashboard/session-caller.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import {
  AUDIT_HEADER_ZH,
  MARCH,
  PHONE_CUSTOMER,
  PHONE_LI,
  seedExportData,
  TRICKY,
} from './export-fixtures.js';

// GET /api/v1/exports/:kind through the whole service on the dev database: every kind as CSV and XLSX parsed
// back, Chinese headers (English once the org is switched to en), phones masked per role, each role's scope
// (members sign in through the dashboard's session, so the request acts as that member), bad fields, and a
// client that hangs up mid-stream.

let t: TestApp;
let seeded: Awaited<ReturnType<typeof seedExportData>>;
const cookies: Record<string, string> = {};
beforeAll(async () => {
  t = await startTestApp();
  seeded = await seedExportData(t.app.models);
  for (const name of ['李娜', '王海峰', '陈思远', '许亮', '高峰']) cookies[name] = await sessionOf(name);
}, 120_000);
afterAll(() => t.close());

/**
 * A dashboard session of the member, stored as the sign-in would store it (after-sales staff have no /看板 to ask
 * for a link with): each request with the cookie then acts as that member, in their own scope.
 */
async function sessionOf(name: string): Promise<string> {
  const member = await t.app.models.Member.findOne({ name }).lean();
  if (!member) throw new Error(`no member ${name}`);
  const secret = randomBytes(24).toString('base64url');
  const now = t.app.clock.now();
  const later = new Date(now.getTime() + 86_400_000);
  await t.app.models.DashboardAccess.create({
    orgId: member.orgId,
    memberId: member._id,
    linkHash: hashToken(`link-${secret}`),
    createdAt: now,
    linkExpiresAt: later,
    usedAt: now,
    sessionHash: hashToken(secret),
    sessionExpiresAt: later,
    purgeAt: later,
  });
  return `${SESSION_COOKIE}=${secret}`;
}

const march = `from=${MARCH.from}&to=${MARCH.to}`;
const fetchAs = (path: string, who?: string) =>
  fetch(`${t.baseUrl}${path}`, {
    headers: who ? { cookie: cookies[who] ?? '' } : { authorization: `Bearer ${t.token}` },
  });

async function csvOf(kind: string, who?: string, query = march) {
  const res = await fetchAs(`/api/v1/exports/${kind}?${query}`, who);
  expect(res.status, await res.clone().text()).toBe(200);
  const bytes = Buffer.from(await res.arrayBuffer());
  const [header, ...rows] = parse(bytes.subarray(3).toString('utf8'), {
    relax_column_count: false,
  }) as string[][];
  return { res, bytes, header: header ?? [], rows };
}

async function xlsxOf(kind: string) {
  const res = await fetchAs(`/api/v1/exports/${kind}?${march}&format=xlsx`);
  expect(res.status).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
  const sheet = book.worksheets[0];
  const rows: unknown[][] = [];
  sheet?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return { res, rows };
}

const EXPECTED_ROWS = {
  leads: 3,
  'follow-ups': 2,
  customers: 2,
  orders: 2,
  complaints: 2,
  tasks: 2,
  audit: 3,
} as const;

describe('GET /api/v1/exports/:kind', () => {
  it.each(EXPORT_KINDS)(
    'exports %s as CSV: BOM, Chinese headers, one row per record of the month',
    async (kind) => {
      const { res, bytes, header, rows } = await csvOf(kind);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(header).toEqual(EXPORT_COLUMNS[kind].map((c) => c.header['zh-CN']));
      expect(rows).toHaveLength(EXPECTED_ROWS[kind]);
    },
  );

  it.each(EXPORT_KINDS)('exports %s as XLSX that a spreadsheet reads back', async (kind) => {
    const { res, rows } = await xlsxOf(kind);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    expect(rows[0]).toEqual(EXPORT_COLUMNS[kind].map((c) => c.header['zh-CN']));
    expect(rows).toHaveLength(EXPECTED_ROWS[kind] + 1);
  });

  it('names the file in UTF-8 by kind and month, and keeps typed text exactly (quoted per RFC 4180)', async () => {
    const { res, header, rows } = await csvOf('follow-ups');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="____-2025-03.csv"; filename*=UTF-8''${encodeURIComponent('跟进记录-2025-03.csv')}`,
    );
    const content = header.indexOf('跟进内容');
    // The corrected record appears once, as corrected; a text starting with "-" is kept as text, not a formula.
    expect(rows.map((r) => r[content])).toEqual([TRICKY, "'-5 折扣"]);
    expect(rows[0]?.[header.indexOf('跟进结果')]).toBe('约到试用');
    expect(rows[0]?.[header.indexOf('跟进时间')]).toBe('2025-03-06 10:00');
  });

  it('neutralises a formula in a CSV cell and keeps it as plain text in XLSX', async () => {
    const csv = await csvOf('leads');
    const company = csv.header.indexOf('公司');
    expect(csv.rows[0]?.[company]).toBe(`'=HYPERLINK("http://x")`);
    const xlsx = await xlsxOf('leads');
    expect(xlsx.rows[1]?.[company]).toBe('=HYPERLINK("http://x")');
  });

  it('shows phones whole to admins and managers, masked to reps (their scope: own leads and their team’s pool)', async () => {
    const admin = await csvOf('leads');
    const phone = admin.header.indexOf('电话');
    const code = admin.header.indexOf('线索编号');
    expect(admin.rows.map((r) => r[code])).toEqual(['L-9001', 'L-9002', 'L-9003']);
    expect(admin.rows[0]?.[phone]).toBe(PHONE_LI);
    const rep = await csvOf('leads', '李娜');
    expect(rep.rows.map((r) => r[code])).toEqual(['L-9001', 'L-9003']);
    expect(rep.rows[0]?.[phone]).toBe('138****5678');
    const manager = await csvOf('leads', '王海峰');
    expect(manager.rows.map((r) => r[code])).toEqual(['L-9001', 'L-9003']);
    expect(manager.rows[0]?.[phone]).toBe(PHONE_LI);
    const director = await csvOf('leads', '陈思远');
    expect(director.rows.map((r) => r[code])).toEqual(['L-9001', 'L-9002', 'L-9003']);
  });

  it('gives each role its own scope of follow-ups, customers, complaints and tasks', async () => {
    const authors = async (who: string) => {
      const { header, rows } = await csvOf('follow-ups', who);
      return rows.map((r) => r[header.indexOf('跟进人')]);
    };
    expect(await authors('李娜')).toEqual(['李娜']);
    expect(await authors('王海峰')).toEqual(['李娜']);
    expect(await authors('陈思远')).toEqual(['李娜', '孙磊']);
    const customers = await csvOf('customers', '李娜');
    expect(customers.rows).toHaveLength(1);
    expect(customers.rows[0]?.[customers.header.indexOf('联系人')]).toBe('王芳 139****4321');
    expect((await csvOf('customers')).rows[0]?.[customers.header.indexOf('联系人')]).toBe(
      `王芳 ${PHONE_CUSTOMER}`,
    );
    const complaintCodes = async (who: string) => (await csvOf('complaints', who)).rows.map((r) => r[0]);
    expect(await complaintCodes('李娜')).toEqual(['C-90']);
    expect(await complaintCodes('许亮')).toEqual(['C-90']);
    expect(await complaintCodes('高峰')).toEqual(['C-90', 'C-91']);
    const tasks = await csvOf('tasks', '许亮');
    expect(tasks.rows).toHaveLength(1);
    const cell = (name: string) => tasks.rows[0]?.[tasks.header.indexOf(name)];
    expect([cell('上报工时'), cell('核定工时'), cell('审核人'), cell('工时已调整')]).toEqual([
      '3.5',
      '3',
      '高峰',
      '是',
    ]);
    expect((await fetchAs(`/api/v1/exports/tasks?${march}`, '李娜')).status).toBe(403);
  });

  it('narrows to a team given by name or id', async () => {
    const byName = await csvOf('leads', undefined, `${march}&team=${encodeURIComponent('BD组')}`);
    expect(byName.rows.map((r) => r[0])).toEqual(['L-9002']);
    const byId = await csvOf('follow-ups', undefined, `${march}&team=${seeded.eastId}`);
    expect(byId.rows).toHaveLength(1);
  });

  it('exports the audit trail to admins only: the period oldest first, who, from where, before/after as JSON', async () => {
    const { header, rows } = await csvOf('audit');
    expect(header).toEqual(AUDIT_HEADER_ZH);
    expect(rows).toEqual([
      [
        '2025-03-02 10:00',
        '周建国',
        '钉钉',
        '',
        '修改企业设置',
        seeded.orgId,
        '{"reclaimAfterHours":48}',
        '{"reclaimAfterHours":72}',
        '',
      ],
      [
        '2025-03-06 10:00',
        '王海峰',
        '企业微信',
        '',
        '改派线索',
        'L-9001',
        '{"ownerName":"孙磊"}',
        '{"ownerName":"李娜"}',
        '',
      ],
      [
        '2025-03-07 10:00',
        'ops',
        '命令行',
        '',
        '备份数据库',
        'leadrelay-20250307.tar',
        '',
        '',
        '{"scope":"all","documents":120,"bytes":4096}',
      ],
    ]);
    // `to` is exclusive of the instant, inclusive of a day: the 6th alone is the reassignment.
    const sixth = await csvOf('audit', undefined, 'from=2025-03-06&to=2025-03-06');
    expect(sixth.rows.map((r) => r[4])).toEqual(['改派线索']);
    // A team asked: the changes its people made.
    const east = await csvOf('audit', undefined, `${march}&team=${encodeURIComponent('华东销售组')}`);
    expect(east.rows.map((r) => r[1])).toEqual(['王海峰']);
    // audit.read is the admins' (as GET /api/v1/audit): a director, a manager and a rep are refused.
    for (const who of ['陈思远', '王海峰', '李娜']) {
      const refused = await fetchAs(`/api/v1/exports/audit?${march}`, who);
      expect(refused.status, who).toBe(403);
    }
    // The export of the trail is in the trail, by the admin token that asked for it.
    const trail = await (await fetchAs('/api/v1/audit?kind=export.run&limit=200')).json();
    const own = trail.entries.filter((e: { details: { kind: string } }) => e.details.kind === 'audit');
    expect(own.length).toBeGreaterThanOrEqual(3);
    expect(own[0]).toMatchObject({ actor: { kind: 'api' }, via: { api: true } });
  });

  it('answers 400 naming every bad field, and 404 for a kind there is not', async () => {
    const bad = await fetchAs(
      `/api/v1/exports/leads?from=2025-02-30&to=soon&format=pdf&team=${encodeURIComponent('没有这个组')}&colour=red`,
    );
    expect(bad.status).toBe(400);
    const body = await bad.json();
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.details.issues.map((i: { field: string }) => i.field).sort()).toEqual([
      'colour',
      'format',
      'from',
      'team',
      'to',
    ]);
    const reversed = await fetchAs('/api/v1/exports/leads?from=2025-03-31&to=2025-03-01');
    expect((await reversed.json()).error.details.issues[0].field).toBe('to');
    const unknown = await fetchAs('/api/v1/exports/contacts');
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.code).toBe('EXPORT_KIND_UNKNOWN');
    expect((await fetch(`${t.baseUrl}/api/v1/exports/leads`)).status).toBe(401);
  });

  it('closes the cursor when the client hangs up mid-stream', async () => {
    const lead = await t.app.models.Lead.findOne({ code: 'L-9001' }).lean();
    // About 1.5 MB of CSV. The loopback socket buffers can take all of it, so this checks the cursor is closed, not
    // that backpressure held (that a failing or aborted sink stops the reader is in test/core/exports).
    const total = 1000;
    const many = Array.from({ length: total }, (_, i) => ({
      orgId: lead?.orgId,
      recordId: lead?._id,
      version: 100 + i,
      leadId: lead?._id,
      channel: 'visit',
      content: `拜访记录 ${i} ${'很长的内容'.repeat(100)}`,
      authorId: lead?.ownerId,
      authorName: '李娜',
      at: new Date(Date.UTC(2025, 5, 1, 2, 0, i)),
    }));
    await t.app.models.FollowUp.insertMany(many);
    const probe = t.app.models.FollowUp.find({}).cursor();
    const prototype = Object.getPrototypeOf(probe);
    await probe.close().catch(() => undefined);
    const next = vi.spyOn(prototype, 'next');
    const close = vi.spyOn(prototype, 'close');
    try {
      const gone = new AbortController();
      const res = await fetch(`${t.baseUrl}/api/v1/exports/follow-ups?from=2025-06-01&to=2025-06-30`, {
        headers: { authorization: `Bearer ${t.token}` },
        signal: gone.signal,
      });
      await res.body?.getReader().read();
      expect(next).toHaveBeenCalled();
      gone.abort();
      // However much the socket's buffers took, the export ends and its cursor is closed: no leak, no stuck write.
      await vi.waitFor(() => expect(close).toHaveBeenCalled(), { timeout: 10_000 });
    } finally {
      next.mockRestore();
      close.mockRestore();
    }
    // The service carries on: the next export is whole.
    expect((await csvOf('orders')).rows).toHaveLength(2);
  }, 60_000);

  it('writes English headers and words for an English-speaking org', async () => {
    await t.app.models.Org.updateOne({ _id: seeded.orgId }, { $set: { 'settings.locale': 'en' } });
    const { res, header, rows } = await csvOf('tasks');
    expect(header).toEqual(EXPORT_COLUMNS.tasks.map((c) => c.header.en));
    expect(rows[0]?.[header.indexOf('Status')]).toBe('approved');
    expect(res.headers.get('content-disposition')).toContain("filename*=UTF-8''tasks-2025-03.csv");
  });
});
