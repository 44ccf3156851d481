import { listTasks } from '../../core/after-sales/index.js';
import { can } from '../../core/org/index.js';
import type { CommandHandler } from '../registry.js';
import { formatTime } from '../render/render-context.js';
import type { TaskChatDeps } from './hours-entry.js';

/**
 * `/我的任务` (`/tasks`, `/任务`): the member's open tasks with their due times, overdue ones first and marked; an
 * after-sales manager (or a director) sees the team's, each with its assignee. The core decides whose (listTasks).
 */
export function tasksCommand(deps: Pick<TaskChatDeps, 'tasks' | 'clock'>): CommandHandler {
  return async (ctx) => {
    const lines = await listTasks(deps, ctx.caller);
    const t = ctx.texts.taskChat.list;
    const team = can(ctx.caller, 'task.read_all');
    if (lines.length === 0) return { replies: [{ text: team ? t.noneInTeam : t.none }] };
    const zone = { locale: ctx.locale, timeZone: ctx.org.settings.timeZone };
    const body = lines.map(({ task, late }) =>
      t.line({
        code: task.code,
        customer: task.customerName,
        due: formatTime(task.dueAt.toISOString(), zone),
        status: ctx.texts.afterSales.taskStatuses[task.status],
        ...(team ? { assignee: task.assigneeName } : {}),
        late,
      }),
    );
    return { replies: [{ text: [team ? t.team(lines.length) : t.mine(lines.length), ...body].join('\n') }] };
  };
}
