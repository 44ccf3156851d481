import { z } from 'zod';
import { type StageDefinition, stageSettingsOf } from '../customers/index.js';
import { maskPhone } from '../leads/index.js';
import type { Caller, MemberRepository } from '../org/index.js';
import type { Clock } from '../shared/clock.js';
import { DomainError, validationFailed } from '../shared/errors.js';
import { type MemberId, memberId } from '../shared/ids.js';
import { parseInput } from '../shared/validate.js';
import { figureQuery } from './figure-query.js';
import type { FigureQuery } from './ports.js';
import { parseReportInput } from './report-input.js';
import {
  type ItemPage,
  type LeadItemRow,
  REPORT_ITEM_FIGURES,
  type ReportItemFigure,
  type ReportItemQueries,
  type TaskItemRow,
} from './report-item-types.js';
import { reportScope } from './report-scope.js';
import type { ReportScope } from './report-types.js';

export const ITEMS_PAGE_SIZE = 50;

const itemsInputSchema = z.strictObject({
  figure: z.enum(REPORT_ITEM_FIGURES),
  member: z.string().trim().min(1).max(100).optional(),
  stage: z.string().trim().min(1).max(100).optional(),
  channel: z.string().trim().min(1).max(200).optional(),
  kind: z.enum(['source', 'campaign']).optional(),
  page: z.coerce.number().int().min(1).max(10_000).optional(),
  pageSize: z.coerce.number().int().min(1).max(200).optional(),
  from: z.string().optional(),
  to: z.string().optional(),
  period: z.string().optional(),
  team: z.string().optional(),
});

export type ReportItemDeps = {
  readonly reportItems: ReportItemQueries;
  readonly members: Pick<MemberRepository, 'get'>;
  readonly clock: Clock;
};

export type ReportItems =
  | ({ readonly kind: 'leads'; readonly page: number; readonly pageSize: number } & ItemPage<LeadItemRow>)
  | ({ readonly kind: 'tasks'; readonly page: number; readonly pageSize: number } & ItemPage<TaskItemRow>);

const required = (field: string) =>
  validationFailed([{ field, message: 'required for this figure', problem: { kind: 'required' } }]);

/**
 * The leads or tasks behind one figure of the dashboard: the period, team and role scope of computeReport
 * (report-scope.ts), the figure's own definition, a page at a time; phones masked as on every card.
 */
export async function listReportItems(
  deps: ReportItemDeps,
  caller: Caller,
  input: unknown,
): Promise<ReportItems> {
  const {
    figure,
    member,
    stage,
    channel,
    kind,
    page = 1,
    pageSize = ITEMS_PAGE_SIZE,
    ...rest
  } = parseInput(itemsInputSchema, input);
  const now = deps.clock.now();
  const { period, teamId } = parseReportInput(rest, now, caller.org.settings.timeZone);
  const scope = reportScope(caller, teamId);
  const paging = { skip: (page - 1) * pageSize, limit: pageSize, page, pageSize };
  const memberIdOf = member ? await memberInScope(deps, caller, scope, member, figure) : undefined;
  if (figure === 'overdue') {
    if (!scope.afterSales)
      throw new DomainError('FORBIDDEN', { action: 'report.afterSales', roles: caller.roles });
    const found = await deps.reportItems.taskItems(caller.org.id, {
      ...period,
      ...(memberIdOf ? { assigneeId: memberIdOf } : {}),
      ...paging,
    });
    return { kind: 'tasks', page, pageSize, ...found };
  }
  if (!scope.sales) throw new DomainError('FORBIDDEN', { action: `report.${figure}`, roles: caller.roles });
  const stages = stageSettingsOf(caller.org).stages;
  checkLeadFigure(figure, { member: memberIdOf, stage, channel, kind }, stages);
  const q: FigureQuery = {
    ...figureQuery(period, scope, stages, now),
    // A rep's funnel and channels are their own leads' (as computeReport's): so are the leads behind them.
    ...(scope.onlyMemberId ? { ownerId: scope.onlyMemberId } : {}),
  };
  const found = await deps.reportItems.leadItems(caller.org.id, {
    ...q,
    figure,
    ...(memberIdOf ? { memberId: memberIdOf } : {}),
    ...(figure === 'stage' && stage ? { stageKey: stage } : {}),
    ...(figure === 'channel' && channel && kind ? { channel: { kind, name: channel } } : {}),
    ...paging,
  });
  const items = found.items.map((i) => (i.phone ? { ...i, phone: maskPhone(i.phone) } : i));
  return { kind: 'leads', page, pageSize, total: found.total, items };
}

/** What each lead figure needs: a rep for unfollowed and response, a stage of the org, a channel and its kind. */
function checkLeadFigure(
  figure: ReportItemFigure,
  args: {
    member?: MemberId | undefined;
    stage?: string | undefined;
    channel?: string | undefined;
    kind?: string | undefined;
  },
  stages: readonly StageDefinition[],
): void {
  if ((figure === 'unfollowed' || figure === 'response') && !args.member) throw required('member');
  if (figure === 'stage' && !stages.some((s) => s.key === args.stage))
    throw args.stage
      ? validationFailed([
          {
            field: 'stage',
            message: 'no such stage',
            problem: { kind: 'not_one_of', allowed: stages.map((s) => s.key) },
          },
        ])
      : required('stage');
  if (figure === 'channel' && !(args.channel && args.kind)) throw required(args.channel ? 'kind' : 'channel');
}

/** The member asked about, if the caller's scope holds them: a rep only themselves, a manager their teams' members. */
async function memberInScope(
  deps: ReportItemDeps,
  caller: Caller,
  scope: ReportScope,
  id: string,
  figure: string,
): Promise<MemberId> {
  const found = await deps.members.get(caller.org.id, memberId(id));
  if (!found) throw new DomainError('MEMBER_NOT_FOUND', { memberId: id });
  const outside =
    figure === 'overdue'
      ? false
      : scope.onlyMemberId
        ? found.id !== scope.onlyMemberId
        : scope.teamIds !== undefined && !(found.teamId && scope.teamIds.includes(found.teamId));
  if (outside) throw new DomainError('FORBIDDEN', { action: 'report.read_team', roles: caller.roles });
  return found.id;
}
