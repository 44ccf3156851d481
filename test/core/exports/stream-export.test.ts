import { describe, expect, it } from 'vitest';
import {
  type ExportFilter,
  type ExportReader,
  type ExportSink,
  type ExportSource,
  exportFileName,
  exportKindOfWord,
  parseExportQuery,
  streamExport,
} from '../../../src/core/exports/index.js';
import type { Lead } from '../../../src/core/leads/index.js';
import { type Caller, memberCaller, systemCaller } from '../../../src/core/org/caller.js';
import type { Member } from '../../../src/core/org/types.js';
import { DomainError } from '../../../src/core/shared/errors.js';
import { leadId, teamId } from '../../../src/core/shared/ids.js';
import { makeMember, makeOrg, makeTeam, ORG_ID, TEAM_ID } from '../fakes.js';

// The use-case over fakes: which filter each role's export asks the reader for, how rows are made (masked phones,
// names read once, labels in the org's language), and that a sink's failure or an abort stops the reading.

const org = makeOrg();
const other = teamId('team-other');
const rep = makeMember('rep-1', { name: '李娜' });
const peer = makeMember('rep-2', { name: '张伟' });
const stranger = makeMember('rep-3', { name: '孙磊', teamId: other });
const manager = makeMember('mgr-1', { name: '王海峰', roles: ['manager'] });
const members: Member[] = [rep, peer, stranger, manager];
const teams = [makeTeam({ name: '华东销售组' }), makeTeam({ id: other, name: 'BD组' })];

const lead = (overrides: Partial<Lead> = {}): Lead =>
  ({
    id: leadId('lead-1'),
    orgId: ORG_ID,
    code: 'L-1',
    contact: { name: '王芳', phone: '13812345678' },
    source: 'api',
    tags: [],
    score: 50,
    grade: 'important',
    status: 'assigned',
    teamId: TEAM_ID,
    ownerId: rep.id,
    ownerName: 'old name',
    history: [],
    version: 1,
    createdAt: new Date('2026-11-03T06:05:00Z'),
    updatedAt: new Date('2026-11-03T06:05:00Z'),
    ...overrides,
  }) as Lead;

/** A reader of leads that records what it was asked and whether its loop was left. */
function fakeSource(records: Lead[]) {
  const asked: ExportFilter[] = [];
  const state = { closed: false, read: 0 };
  const leads: ExportReader<Lead> = {
    count: async () => records.length,
    async *read(filter) {
      asked.push(filter);
      try {
        for (const r of records) {
          state.read += 1;
          yield r;
        }
      } finally {
        state.closed = true;
      }
    },
  };
  const none = { count: async () => 0, read: async function* () {} };
  return {
    source: {
      leads,
      'follow-ups': none,
      customers: none,
      orders: none,
      complaints: none,
      tasks: none,
    } as unknown as ExportSource,
    asked,
    state,
  };
}

function memorySink(failAt?: number) {
  const rows: (string | number | undefined)[][] = [];
  const sink: ExportSink & { header_: string[]; ended: boolean } = {
    header_: [],
    ended: false,
    async header(cells) {
      sink.header_ = [...cells];
    },
    async row(cells) {
      if (failAt !== undefined && rows.length === failAt) throw new Error('client gone');
      rows.push([...cells]);
    },
    async end() {
      sink.ended = true;
    },
  };
  return { sink, rows };
}

const deps = (source: ExportSource) => ({
  source,
  members: { list: async () => members },
  teams: { list: async () => teams },
  clock: { now: () => new Date('2026-12-02T04:00:00Z') },
});
const as = (member: Member, teamIds: string[] = []): Caller =>
  memberCaller(
    org,
    member,
    'zh-CN',
    teamIds.map((t) => teamId(t)),
  );

describe('streamExport', () => {
  it('masks phones for a rep, resolves names once, and writes labels in the org’s language', async () => {
    const { source } = fakeSource([lead()]);
    const { sink, rows } = memorySink();
    const result = await streamExport(deps(source), as(rep), { kind: 'leads' }, sink);
    const cell = (header: string) => rows[0]?.[sink.header_.indexOf(header)];
    expect(result.rows).toBe(1);
    expect(sink.ended).toBe(true);
    expect([cell('电话'), cell('负责人'), cell('团队'), cell('等级'), cell('状态')]).toEqual([
      '138****5678',
      '李娜',
      '华东销售组',
      '重要',
      '已分配',
    ]);
    expect(cell('创建时间')).toBe('2026-11-03 14:05');
  });

  it('shows phones whole to a manager and to the system', async () => {
    for (const caller of [as(manager, [TEAM_ID]), systemCaller(org)]) {
      const { sink, rows } = memorySink();
      await streamExport(deps(fakeSource([lead()]).source), caller, { kind: 'leads' }, sink);
      expect(rows[0]?.[sink.header_.indexOf('电话')]).toBe('13812345678');
    }
  });

  it('asks the reader for the caller’s scope: a rep their own and their team’s pool, a manager their teams’', async () => {
    const repRun = fakeSource([]);
    await streamExport(
      deps(repRun.source),
      as(rep),
      { kind: 'leads', from: '2026-11-01', to: '2026-11-30' },
      memorySink().sink,
    );
    expect(repRun.asked[0]).toEqual({
      orgId: ORG_ID,
      from: new Date('2026-10-31T16:00:00Z'),
      to: new Date('2026-11-30T16:00:00Z'),
      scope: { kind: 'any', clauses: [{ owner: rep.id }, { pooledTeam: TEAM_ID }] },
    });
    const managerRun = fakeSource([]);
    await streamExport(
      deps(managerRun.source),
      as(manager, [TEAM_ID]),
      { kind: 'leads', team: 'BD组' },
      memorySink().sink,
    );
    expect(managerRun.asked[0]?.scope).toEqual({
      kind: 'any',
      clauses: [{ owner: manager.id }, { teams: [TEAM_ID] }],
    });
    expect(managerRun.asked[0]?.team).toEqual({ kind: 'any', clauses: [{ teams: [other] }] });
  });

  it('refuses after-sales staff the lead export and a rep the tasks', async () => {
    const staff = makeMember('as-1', { roles: ['aftersales'], teamId: undefined as never });
    for (const [caller, kind] of [
      [as(staff), 'leads'],
      [as(rep), 'tasks'],
    ] as const) {
      const error = await streamExport(
        deps(fakeSource([]).source),
        caller,
        { kind },
        memorySink().sink,
      ).catch((e) => e);
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('FORBIDDEN');
    }
  });

  it('stops reading (and closes the reader) when the sink fails mid-way', async () => {
    const run = fakeSource(Array.from({ length: 50 }, (_, i) => lead({ code: `L-${i}` })));
    await expect(
      streamExport(deps(run.source), as(rep), { kind: 'leads' }, memorySink(10).sink),
    ).rejects.toThrow('client gone');
    expect(run.state.read).toBe(11);
    expect(run.state.closed).toBe(true);
  });

  it('stops reading when the signal aborts', async () => {
    const run = fakeSource(Array.from({ length: 50 }, (_, i) => lead({ code: `L-${i}` })));
    const abort = new AbortController();
    const { sink } = memorySink();
    const row = sink.row;
    let n = 0;
    sink.row = async (cells) => {
      if (++n === 5) abort.abort();
      await row(cells);
    };
    await expect(
      streamExport(deps(run.source), as(rep), { kind: 'leads' }, sink, undefined, abort.signal),
    ).rejects.toThrow();
    expect(run.state.read).toBeLessThan(50);
    expect(run.state.closed).toBe(true);
  });
});

describe('parseExportQuery', () => {
  const context = { timeZone: 'Asia/Shanghai', teams };
  it('names every bad field at once', () => {
    const error = (() => {
      try {
        parseExportQuery(
          { kind: 'leads', from: '2026-02-30', to: 'soon', format: 'pdf', team: '没有', x: 1 },
          context,
        );
      } catch (e) {
        return e as DomainError;
      }
    })();
    const issues = (error?.details.issues ?? []) as { field: string }[];
    expect(issues.map((i) => i.field).sort()).toEqual(['format', 'from', 'team', 'to', 'x']);
  });
  it('reads days and wall times in the org’s zone, instants as given, and a day’s `to` as its end', () => {
    expect(
      parseExportQuery({ kind: 'orders', from: '2026-11-01T09:30', to: '2026-11-02T00:00:00Z' }, context),
    ).toEqual({
      kind: 'orders',
      format: 'csv',
      from: new Date('2026-11-01T01:30:00Z'),
      to: new Date('2026-11-02T00:00:00Z'),
    });
  });
});

describe('names', () => {
  it('knows the kinds by their Chinese and English words', () => {
    expect(
      ['跟进', '跟进记录', 'follow-ups', 'Leads', '任务', '工时', '联系人'].map(exportKindOfWord),
    ).toEqual(['follow-ups', 'follow-ups', 'follow-ups', 'leads', 'tasks', 'tasks', undefined]);
  });
  it('names a month’s file by the month and other periods by their days', () => {
    const base = {
      kind: 'follow-ups',
      format: 'csv',
      locale: 'zh-CN',
      timeZone: 'Asia/Shanghai',
      now: new Date('2026-12-02T04:00:00Z'),
    } as const;
    expect(
      exportFileName({
        ...base,
        from: new Date('2026-10-31T16:00:00Z'),
        to: new Date('2026-11-30T16:00:00Z'),
      }),
    ).toBe('跟进记录-2026-11.csv');
    expect(
      exportFileName({
        ...base,
        locale: 'en',
        from: new Date('2026-11-02T16:00:00Z'),
        to: new Date('2026-11-09T16:00:00Z'),
      }),
    ).toBe('follow-ups-2026-11-03_2026-11-09.csv');
    expect(exportFileName(base)).toBe('跟进记录-2026-12-02.csv');
  });
});
