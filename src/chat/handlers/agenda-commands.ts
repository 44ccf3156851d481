import { agendaList, type DueLeadsDeps, type DueList, listDueLeads } from '../../core/follow-ups/index.js';
import type { TeamRepository } from '../../core/org/index.js';
import type { CommandHandler } from '../registry.js';
import { dueViewCard } from '../render/agenda-card.js';

/** How many leads a view lists per group; the count is of all (the API pages the rest). */
const SHOWN = 10;

/**
 * `/today` (`/今日`), `/overdue` (`/逾期`), `/stalled` (`/停滞`): the morning agenda's lists on demand, the member's
 * own and, for managers and directors, each team's in their scope (one read for the lists, one for team names).
 */
export function dueListCommand(
  deps: DueLeadsDeps & { readonly teams: Pick<TeamRepository, 'list'> },
  list: DueList,
): CommandHandler {
  return async (ctx) => {
    const views = await listDueLeads(deps, ctx.caller, { top: SHOWN });
    const view = views[list];
    const names =
      view.teams.length > 0
        ? new Map((await deps.teams.list(ctx.org.id)).map((t) => [t.id as string, t.name]))
        : new Map<string, string>();
    const render = {
      texts: ctx.texts,
      locale: ctx.locale,
      timeZone: ctx.org.settings.timeZone,
      to: { kind: 'member' as const, memberId: ctx.member.id },
    };
    const card = dueViewCard(
      list,
      agendaList(view.mine, list),
      view.teams.map((g) => ({ teamName: names.get(g.id) ?? '', data: agendaList(g, list) })),
      render,
    );
    return { replies: [card] };
  };
}
