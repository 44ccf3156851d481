import { describe, expect, it } from 'vitest';
import { zhCN } from '../../src/chat/texts/zh-cn.js';
import type { ReportCardData } from '../../src/core/reports/index.js';
import { teamId } from '../../src/core/shared/ids.js';
import { type FakeTeamRepository, makeTeam } from '../core/fakes.js';
import { DIRECTOR, leadWorld, MANAGER, REP_A } from '../core/lead-world.js';
import { chatOverFakes } from './support/chat-over-fakes.js';

// /报表 over the core fakes: which view each role's scope calls for, what is published, and to whom. The figures
// and the delivery are the e2e's (test/e2e/report-command.test.ts, over the real database and platforms).

const NORTH = teamId('00000000000000000000b0b2');
const OTHER = teamId('00000000000000000000b0b3');

function chat() {
  const world = leadWorld();
  // The manager manages a second team; a third is another manager's.
  const teams = world.deps.teams as FakeTeamRepository;
  teams.teams.set(NORTH, makeTeam({ id: NORTH, name: '华北组', managerId: MANAGER.id }));
  teams.teams.set(OTHER, makeTeam({ id: OTHER, name: '直销组' }));
  const c = chatOverFakes(world);
  const published = () =>
    world.notifier.notices().filter((n) => n.kind === 'report.card') as {
      to: unknown;
      idempotencyKey: string;
      data: ReportCardData;
    }[];
  return { ...c, published };
}

describe('/报表 picks the card for the caller', () => {
  it('a manager of two teams gets them side by side, each with its totals', async () => {
    const { type, published } = chat();
    const answer = await type(MANAGER, 'report', ['上周']);
    expect(answer.replies).toEqual([{ text: zhCN.report.command.working }]);
    const [notice] = published();
    expect(notice?.to).toEqual({ kind: 'member', memberId: MANAGER.id });
    expect(notice?.data.view).toBe('teams');
    expect(notice?.data.teamTotals?.map((t) => t.name).sort()).toEqual(['华东销售组', '华北组']);
  });

  it('a director gets the org, or one team by name', async () => {
    const { type, published } = chat();
    await type(DIRECTOR, 'report', []);
    await type(DIRECTOR, 'report', ['华北']);
    expect(published().map((n) => n.data.view)).toEqual(['org', 'team']);
    expect(published()[0]?.data.teamTotals).toHaveLength(3);
    expect(published()[1]?.data.report.teams.map((t) => t.name)).toEqual(['华北组']);
  });

  it('a rep gets their own card; kinds keep their view', async () => {
    const { type, published } = chat();
    await type(REP_A, 'report', []);
    await type(REP_A, 'report', ['渠道']);
    await type(REP_A, 'report', ['热力图']);
    expect(published().map((n) => [n.data.view, n.data.memberId])).toEqual([
      ['rep', REP_A.id],
      ['channels', undefined],
      ['heatmap', undefined],
    ]);
    expect(new Set(published().map((n) => n.idempotencyKey)).size).toBe(3);
  });

  it('refuses in plain words and publishes nothing', async () => {
    const { type, published } = chat();
    expect((await type(MANAGER, 'report', ['直销组'])).replies).toEqual([
      { text: zhCN.report.command.forbiddenTeam('直销组') },
    ]);
    expect((await type(REP_A, 'report', ['售后'])).replies).toEqual([
      { text: zhCN.report.command.forbiddenKind.afterSales },
    ]);
    // A rep is told only the team they may ask for.
    expect((await type(REP_A, 'report', ['下周'])).replies).toEqual([
      { text: zhCN.report.command.unknown('下周', ['华东销售组']) },
    ]);
    expect(published()).toEqual([]);
  });
});
