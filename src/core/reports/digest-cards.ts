import type { Member, Team } from '../org/index.js';
import type { MemberId, TeamId } from '../shared/ids.js';
import type { NoticeRecipient } from '../shared/notices.js';
import type { ResolvedDigestSettings } from './digest-settings.js';
import type { RepFigures, Report } from './report-types.js';

/**
 * One digest card to one recipient: the report card's view (engineer report's `report.card`, which cuts the report
 * to what the view draws and says so when the week was empty), the report already scoped to what the recipient may
 * see, and the part of its outbox key that names the recipient.
 */
export type DigestCard = {
  readonly to: NoticeRecipient;
  readonly key: string;
  readonly view: 'team' | 'teams' | 'org' | 'rep';
  readonly report: Report;
  readonly teamTotals?: readonly {
    readonly teamId: TeamId;
    readonly name: string;
    readonly total: RepFigures;
  }[];
  readonly memberId?: MemberId;
};

export type DigestInputs = {
  readonly week: string;
  readonly settings: ResolvedDigestSettings;
  readonly teams: readonly Team[];
  /** Active members only: who receives. */
  readonly members: readonly Member[];
  /** One report per team (every sales section, scoped to that team), by team id. */
  readonly teamReports: ReadonlyMap<TeamId, Report>;
  /** The whole org's report, for the director(s); absent when no director receives. */
  readonly orgReport?: Report;
  /** A manager of several teams: their report as computeReport scopes them (their teams together), by member id. */
  readonly managerReports?: ReadonlyMap<MemberId, Report>;
};

/**
 * The digest's cards, assembled from the team reports (and the org report) without another query, each holding
 * only what its recipient's role may see: a team channel its team ranked per rep; a manager their team's report, or
 * for several teams their own report with the teams side by side; the director(s) the org with the teams side by
 * side; a rep their own row beside the team's medians — never a colleague's row.
 */
export function digestCards(input: DigestInputs): DigestCard[] {
  const { recipients } = input.settings;
  return [
    ...(recipients.teamChannels ? channelCards(input) : []),
    ...(recipients.managers ? managerCards(input) : []),
    ...(recipients.director && input.orgReport ? [directorCard(input, input.orgReport)] : []),
    ...(recipients.reps ? repCards(input) : []),
  ];
}

const card = (to: NoticeRecipient, key: string, data: Omit<DigestCard, 'to' | 'key'>): DigestCard => ({
  to,
  key,
  ...data,
});

function channelCards(input: DigestInputs): DigestCard[] {
  return input.teams.flatMap((team) => {
    const report = input.teamReports.get(team.id);
    return report && team.channelId
      ? [card({ kind: 'team', teamId: team.id }, `team:${team.id}`, { view: 'team', report })]
      : [];
  });
}

/** The teams a manager sees, as report-scope.ts decides it: the ones they manage and their own. */
export function teamsOfManager(teams: readonly Team[], manager: Member): Team[] {
  return teams.filter((t) => t.managerId === manager.id || t.id === manager.teamId);
}

export const isManager = (m: Member) => m.roles.includes('manager');

function managerCards(input: DigestInputs): DigestCard[] {
  return input.members.filter(isManager).flatMap((manager) => {
    const teams = teamsOfManager(input.teams, manager);
    const to: NoticeRecipient = { kind: 'member', memberId: manager.id };
    const key = `member:${manager.id}`;
    const only = teams.length === 1 ? input.teamReports.get((teams[0] as Team).id) : undefined;
    if (only) return [card(to, key, { view: 'team', report: only })];
    const own = input.managerReports?.get(manager.id);
    return own ? [card(to, key, { view: 'teams', report: own, teamTotals: totals(teams, input) })] : [];
  });
}

function directorCard(input: DigestInputs, orgReport: Report): DigestCard {
  return card({ kind: 'directors' }, 'directors', {
    view: 'org',
    report: orgReport,
    teamTotals: totals(input.teams, input),
  });
}

/** A rep who also manages gets the manager's card, which ranks them with their team already. */
function repCards(input: DigestInputs): DigestCard[] {
  return input.members.flatMap((rep) => {
    const report = rep.teamId ? input.teamReports.get(rep.teamId) : undefined;
    if (!report || !rep.roles.includes('rep') || (input.settings.recipients.managers && isManager(rep)))
      return [];
    const to: NoticeRecipient = { kind: 'member', memberId: rep.id };
    return [
      card(to, `member:${rep.id}:rep`, { view: 'rep', report: repReport(report, rep), memberId: rep.id }),
    ];
  });
}

/** A rep's part of their team's report: their own row and the team's medians, as computeReport scopes a rep. */
export function repReport(team: Report, rep: Member): Report {
  const mine = (team.reps ?? []).filter((r) => r.memberId === rep.id);
  return {
    period: team.period,
    timeZone: team.timeZone,
    teams: team.teams,
    scope: { ...team.scope, onlyMemberId: rep.id },
    reps: mine,
    ...(mine[0] ? { total: mine[0] } : {}),
    ...(team.teamMedians ? { teamMedians: team.teamMedians } : {}),
    // The heat map's counts are the team's; a rep's digest keeps only what is theirs or a median.
  };
}

const totals = (teams: readonly Team[], input: DigestInputs) =>
  teams.flatMap((t) => {
    const total = input.teamReports.get(t.id)?.total;
    return total ? [{ teamId: t.id, name: t.name, total }] : [];
  });
