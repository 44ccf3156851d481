import { isClosed, type StageDeps, stageName, stageOf, stageSettingsOf } from '../../core/customers/index.js';
import { canManageLead, showLead } from '../../core/leads/index.js';
import type { HandlerContext, HandlerResult } from '../registry.js';
import { formatTime } from '../render/render-context.js';

/** How many stage changes `/阶段 L-1042` lists (the newest): enough to see the path, short enough for a phone. */
const LISTED = 10;

/** `/阶段 L-1042`: the stage and since when, the stage history (who, when, how long it sat), and where it may go. */
export async function showStage(
  deps: Pick<StageDeps, 'leads'>,
  ctx: HandlerContext,
  ref: string,
): Promise<HandlerResult> {
  const lead = await showLead(deps, ctx.caller, { leadId: ref });
  const t = ctx.texts.stage;
  const { org } = ctx;
  const time = (at: Date) =>
    formatTime(at.toISOString(), { locale: ctx.locale, timeZone: org.settings.timeZone });
  const current = stageOf(org, lead.stage?.key);
  const changes = lead.history.filter((e) => e.type === 'stage_changed' && e.stage).slice(-LISTED);
  const lines = changes.map((e) =>
    t.historyLine(
      time(e.at),
      stageName(org, e.stage!.from),
      stageName(org, e.stage!.to),
      e.actorName ?? t.system,
      sat(e.stage!.satMs, t.sat),
    ),
  );
  // Out of a closed stage only who manages the lead may move it: the owner is shown no way out.
  const open = !isClosed(current) || canManageLead(ctx.caller, lead);
  const next = open
    ? stageSettingsOf(org)
        .stages.filter((s) => s.key !== current.key)
        .map((s) => s.name)
    : [];
  const text = [
    t.current(lead.code ?? lead.id, current.name, time(lead.stage?.since ?? lead.createdAt)),
    t.history,
    ...(lines.length > 0 ? lines : [t.noHistory]),
    ...(next.length > 0 ? [t.next(next.join(t.join))] : []),
  ].join('\n');
  return { replies: [{ text }] };
}

function sat(ms: number, words: (days: number, hours: number) => string): string {
  const hours = Math.floor(ms / 3_600_000);
  return words(Math.floor(hours / 24), hours % 24);
}
