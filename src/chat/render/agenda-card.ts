import type {
  AgendaData,
  AgendaLine,
  AgendaListData,
  AgendaLists,
  DueList,
} from '../../core/follow-ups/index.js';
import { DUE_LISTS } from '../../core/follow-ups/index.js';
import type { OutboundMessage } from '../card.js';
import { clockTime, outcomeName } from './contact-reminder-card.js';
import { formatTime, type RenderContext } from './render-context.js';
import { formatCount } from './summary-lines.js';

/** One lead of a list: "L-1042 王磊 · 华东电气 · 10:00 · 上次：约到试用". */
function line(l: AgendaLine, list: DueList, ctx: RenderContext): string {
  const p = ctx.texts.plan;
  const named = [l.name, l.company].filter(Boolean).join(' · ');
  const who = [l.code, named].filter(Boolean).join(' ') || l.leadId;
  const at = !l.at
    ? undefined
    : list === 'today'
      ? clockTime(l.at, ctx)
      : list === 'stalled'
        ? p.agenda.lastAt(formatTime(l.at, ctx))
        : formatTime(l.at, ctx);
  const last = l.unfollowed
    ? p.agenda.ladder
    : l.lastOutcome
      ? p.reminder.last(outcomeName(p, l.lastOutcome))
      : undefined;
  return `• ${[who, at, last].filter(Boolean).join(' · ')}`;
}

/** One list: its name and count, its first leads, how many more, or a line saying it is empty. */
export function listSection(list: DueList, data: AgendaListData, ctx: RenderContext): string[] {
  const p = ctx.texts.plan.agenda;
  const head = `**${p.lists[list]}${p.count(formatCount(data.count, ctx))}**`;
  if (data.count === 0) return [head, p.empty];
  const more =
    data.count > data.leads.length ? [p.more(formatCount(data.count - data.leads.length, ctx))] : [];
  return [head, ...data.leads.map((l) => line(l, list, ctx)), ...more];
}

const sections = (lists: AgendaLists, ctx: RenderContext) =>
  DUE_LISTS.flatMap((l) => listSection(l, lists[l], ctx));

/**
 * The morning agenda: one card per member, 今日待联系 / 逾期未跟进 / 高意向未推进 each counted with its first leads,
 * then each team a manager manages. A member with nothing gets the short "nothing today" line instead.
 */
export function agendaCard(data: AgendaData, ctx: RenderContext): OutboundMessage {
  const p = ctx.texts.plan.agenda;
  const empty = [data.mine, ...data.teams.map((t) => t.lists)].every((lists) =>
    DUE_LISTS.every((l) => lists[l].count === 0),
  );
  const teams = data.teams.flatMap((t) => ['', `**${p.teamTitle(t.teamName)}**`, ...sections(t.lists, ctx)]);
  return {
    card: {
      title: p.title(data.memberName),
      fields: [],
      markdown: empty ? p.nothing : [...sections(data.mine, ctx), ...teams].join('\n'),
      buttons: [],
    },
  };
}

/** A view (`/today` …): the member's own list, then each team's of their scope. */
export function dueViewCard(
  list: DueList,
  mine: AgendaListData,
  teams: readonly { readonly teamName: string; readonly data: AgendaListData }[],
  ctx: RenderContext,
): OutboundMessage {
  const p = ctx.texts.plan.agenda;
  const teamLines = teams.flatMap((t) => [
    '',
    `**${p.teamTitle(t.teamName)}**`,
    ...listSection(list, t.data, ctx),
  ]);
  return {
    card: {
      title: p.viewHeader(p.lists[list], formatCount(mine.count, ctx)),
      fields: [],
      markdown: [...listSection(list, mine, ctx), ...teamLines].join('\n'),
      buttons: [],
    },
  };
}
