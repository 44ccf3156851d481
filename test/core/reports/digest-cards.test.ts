import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DIGEST_SETTINGS,
  type DigestInputs,
  digestCards,
  type RepFigures,
  type Report,
} from '../../../src/core/reports/index.js';
import { memberId, teamId } from '../../../src/core/shared/ids.js';
import { makeMember, makeTeam } from '../fakes.js';

// Who gets which digest card, and that each holds only what the recipient's role may see.
const EAST = teamId('t-east');
const BD = teamId('t-bd');
const figures = (id: string | undefined, assigned: number): RepFigures => ({
  ...(id ? { memberId: memberId(id) } : {}),
  ...{ assigned, unfollowed: 0, unfollowedRate: 0, reclaims: 0, responded: 0, followUpsPerLead: 0 },
  ...{ won: 0, wonAmount: 0, conversion: 0 },
});
const report = (team: string | undefined, reps: string[]): Report => ({
  period: { from: new Date('2026-11-22T16:00:00Z'), to: new Date('2026-11-29T16:00:00Z') },
  timeZone: 'Asia/Shanghai',
  teams: team ? [{ id: teamId(team), name: team }] : [],
  scope: { ...(team ? { teamIds: [teamId(team)] } : {}), sales: true, afterSales: false },
  total: figures(undefined, reps.length),
  reps: reps.map((r) => figures(r, 1)),
  teamMedians: { unfollowedRate: 0, followUpsPerLead: 0, conversion: 0, reclaims: 0 },
});
const teams = [
  makeTeam({ id: EAST, name: '华东', channelId: 'east', managerId: memberId('boss') }),
  makeTeam({ id: BD, name: 'BD', channelId: 'bd', managerId: memberId('boss') }),
];
const members = [
  makeMember('boss', { roles: ['manager'], teamId: EAST }),
  makeMember('lead-rep', { roles: ['manager', 'rep'], teamId: BD }),
  makeMember('dir', { roles: ['director'] }),
  makeMember('a', { teamId: EAST }),
  makeMember('b', { teamId: EAST }),
  makeMember('c', { teamId: BD }),
];
const inputs = (over: Partial<DigestInputs> = {}, noOrg = false): DigestInputs => ({
  week: '2026-W48',
  settings: DEFAULT_DIGEST_SETTINGS,
  teams,
  members,
  teamReports: new Map([
    [EAST, report('t-east', ['a', 'b'])],
    [BD, report('t-bd', ['c', 'lead-rep'])],
  ]),
  ...(noOrg ? {} : { orgReport: report(undefined, ['a', 'b', 'c', 'lead-rep']) }),
  managerReports: new Map([[memberId('boss'), report('t-east', ['a', 'b', 'c'])]]),
  ...over,
});
const keyed = (cards: ReturnType<typeof digestCards>) => new Map(cards.map((c) => [c.key, c]));

describe('digestCards', () => {
  it('one card per team channel, manager, the directors and rep; each rep sees only their own row', () => {
    const cards = keyed(digestCards(inputs()));
    expect([...cards.keys()].sort()).toEqual(
      [
        'team:t-east',
        'team:t-bd',
        'member:boss',
        'member:lead-rep',
        'directors',
        'member:a:rep',
        'member:b:rep',
        'member:c:rep',
      ].sort(),
    );
    const rep = cards.get('member:a:rep');
    expect(rep?.view).toBe('rep');
    expect(rep?.report.reps?.map((r) => r.memberId)).toEqual(['a']);
    expect(rep?.report.total?.memberId).toBe('a');
    expect(rep?.report.teamMedians).toBeDefined();
    expect(cards.get('team:t-bd')).toMatchObject({ to: { kind: 'team', teamId: BD }, view: 'team' });
  });

  it('a manager of one team gets its card; of several, their own report with the teams side by side', () => {
    const cards = keyed(digestCards(inputs()));
    expect(cards.get('member:lead-rep')).toMatchObject({ view: 'team', report: { teams: [{ id: BD }] } });
    const boss = cards.get('member:boss');
    expect(boss?.view).toBe('teams');
    expect(boss?.report.reps?.map((r) => r.memberId)).toEqual(['a', 'b', 'c']);
    expect(boss?.teamTotals?.map((t) => t.name)).toEqual(['华东', 'BD']);
    const director = cards.get('directors');
    expect(director).toMatchObject({ to: { kind: 'directors' }, view: 'org' });
    expect(director?.teamTotals).toHaveLength(2);
  });

  it('leaves out the recipients switched off, and the director without an org report', () => {
    const settings = {
      ...DEFAULT_DIGEST_SETTINGS,
      recipients: { teamChannels: false, managers: false, director: true, reps: true },
    };
    const cards = keyed(digestCards(inputs({ settings }, true)));
    // With managers off, a manager who is also a rep gets the rep's card instead.
    expect([...cards.keys()].sort()).toEqual(
      ['member:a:rep', 'member:b:rep', 'member:c:rep', 'member:lead-rep:rep'].sort(),
    );
  });
});
