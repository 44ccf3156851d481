import { EXPORT_ACTIONS } from '../../core/exports/index.js';
import { can, type TeamRepository } from '../../core/org/index.js';
import type { Clock } from '../../core/shared/clock.js';
import { wallTimeOf } from '../../core/shared/zoned-time.js';
import { parseExportAsk } from '../exports/export-grammar.js';
import type { ExportRequestStore } from '../exports/export-requests.js';
import type { CommandHandler } from '../registry.js';

export type ExportChatDeps = {
  readonly teams: TeamRepository;
  readonly clock: Clock;
  readonly exportRequests: ExportRequestStore;
  /** Starts the export runner now instead of at its next tick (the outbox's pump is triggered the same way). */
  readonly onExportQueued?: () => void;
};

/**
 * `/导出 跟进 本月` (`/export follow-ups this-month`): answers at once and stores the request; the export runner
 * (run-chat-exports.ts) makes the file and the outbox sends it to the member's DM. Stored before the answer, keyed
 * by the platform's event id: a crash loses nothing and a retried command asks once. Scope is the export use-case's,
 * applied when it runs; the kind's permission is also checked here, so a refusal is said at once rather than after
 * "正在导出…" (the use-case checks it again: a role changed in between is still refused).
 */
export function exportCommand(deps: ExportChatDeps): CommandHandler {
  return async (ctx, event) => {
    const t = ctx.texts.exports;
    const teams = await deps.teams.list(ctx.org.id);
    const today = wallTimeOf(deps.clock.now(), ctx.org.settings.timeZone);
    const parsed = parseExportAsk(event.args, { teams: teams.map((team) => team.name), today });
    if (!parsed.ok) {
      const p = parsed.problem;
      const text =
        p.kind === 'no_kind'
          ? t.noKind
          : p.kind === 'unknown_kind'
            ? t.unknownKind(p.word)
            : p.kind === 'unknown'
              ? t.unknown(p.words)
              : t.tooMany;
      return { replies: [{ text }] };
    }
    const { ask } = parsed;
    if (!can(ctx.caller, EXPORT_ACTIONS[ask.kind])) return { replies: [{ text: t.notAllowed(ask.kind) }] };
    await deps.exportRequests.add(
      {
        id: `${ctx.org.id}:${ctx.member.id}:${event.eventId}`,
        orgId: ctx.org.id,
        memberId: ctx.member.id,
        kind: ask.kind,
        ...(ask.period ? { period: ask.period } : {}),
        ...(ask.team ? { team: ask.team } : {}),
      },
      deps.clock.now(),
    );
    deps.onExportQueued?.();
    return { replies: [{ text: t.working(t.what(ask.kind, ask.period)) }] };
  };
}
