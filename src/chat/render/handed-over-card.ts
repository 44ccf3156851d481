import type { HandOverNoticeData } from '../../core/offboarding/index.js';
import type { OutboundMessage } from '../card.js';
import type { RenderContext } from './render-context.js';

/**
 * The one card a receiver gets when someone leaves: how many leads and tasks, then the first few by name (important
 * leads first), the rest counted — never one message per lead.
 */
export function handedOverCard(data: HandOverNoticeData, ctx: RenderContext): OutboundMessage {
  const t = ctx.texts.offboarding;
  const sep = ctx.locale === 'zh-CN' ? ' · ' : ' · ';
  const leadLines = data.leads.map((l) =>
    [l.code, l.name, l.company, l.grade === 'important' ? t.important : undefined].filter(Boolean).join(sep),
  );
  if (data.leadCount > data.leads.length) leadLines.push(t.more(data.leadCount - data.leads.length));
  const taskLines = data.tasks.map((x) => `${x.code}${sep}${x.customerName}`);
  if (data.taskCount > data.tasks.length) taskLines.push(t.more(data.taskCount - data.tasks.length));
  return {
    card: {
      title: t.handedOverTitle(data.leaverName, data.leadCount, data.taskCount, data.toPool),
      fields: [
        ...(leadLines.length > 0 ? [{ label: t.leadsListed, value: leadLines.join('\n') }] : []),
        ...(taskLines.length > 0 ? [{ label: t.tasksListed, value: taskLines.join('\n') }] : []),
      ],
      buttons: [],
    },
  };
}
