import type { ExportKind } from '../../core/exports/export-kinds.js';
import { managedTeamIdsOf, memberCaller } from '../../core/org/caller.js';
import type { Caller, MemberRepository, OrgRepository, TeamRepository } from '../../core/org/index.js';
import { monthPeriod, parsePeriodWord } from '../../core/reports/report-period.js';
import type { Clock } from '../../core/shared/clock.js';
import { isDomainError } from '../../core/shared/errors.js';
import type { Notice, Notifier } from '../../core/shared/notices.js';
import type { FileStore } from '../file-store.js';
import type { ExportRequest, ExportRequestStore } from './export-requests.js';

/** What to export, as the export use-case takes it (core/exports ExportQuery). */
export type ChatExportQuery = {
  readonly kind: ExportKind;
  readonly from?: Date;
  readonly to?: Date;
  readonly team?: string;
};

/** A finished export in memory: a chat export is sent as one file, so it is made whole before it is stored. */
export type MadeExport = {
  readonly fileName: string;
  readonly mime: string;
  readonly rows: number;
  readonly bytes: Uint8Array;
};

/**
 * The port to the export use-case (core/exports streamExport into a CSV sink): scope, masking and headers are its
 * business. Kept this small so the chat side does not depend on how files are written.
 */
export type MakeExport = (caller: Caller, query: ChatExportQuery) => Promise<MadeExport>;

export type ChatExportDeps = {
  readonly requests: ExportRequestStore;
  readonly files: FileStore;
  readonly notifier: Notifier;
  readonly orgs: OrgRepository;
  readonly members: MemberRepository;
  readonly teams: TeamRepository;
  readonly clock: Clock;
  readonly makeExport: MakeExport;
  readonly log: { error(obj: object, msg: string): void };
};

/** Long enough for a big export on a slow database; a maker that died frees its request when it ends. */
export const EXPORT_LEASE_MS = 10 * 60_000;
/** A request that failed this often (not a rule failure: a bug, the database) is told as failed and dropped. */
export const EXPORT_MAX_ATTEMPTS = 3;
/** How long the file waits in the store for its delivery and, on the sandbox, its download. */
export const EXPORT_FILE_TTL_MS = 7 * 24 * 3_600_000;

/**
 * The job: makes every waiting `/导出` request, one lease at a time. Rerunning a request after a crash is safe:
 * the file is stored under the request's id (replaced, not added) and the notice's idempotency key is the
 * request's, so the member gets one file however often the export was made.
 */
export async function runChatExports(deps: ChatExportDeps, max = 20): Promise<number> {
  let made = 0;
  for (let i = 0; i < max; i++) {
    const request = await deps.requests.claimNext(deps.clock.now(), EXPORT_LEASE_MS);
    if (!request) break;
    await runOne(deps, request);
    made += 1;
  }
  return made;
}

async function runOne(deps: ChatExportDeps, request: ExportRequest): Promise<void> {
  const base = { kind: request.kind, ...(request.period ? { period: request.period } : {}) };
  const tell = (notice: Omit<Notice, 'to' | 'mode' | 'idempotencyKey'>) =>
    deps.notifier.publish(request.orgId, [
      {
        ...notice,
        // Always the member's DM, even when they asked in a group: an export is theirs alone.
        to: { kind: 'member', memberId: request.memberId },
        mode: 'post',
        idempotencyKey: `export:${request.id}`,
      } as Notice,
    ]);
  try {
    const caller = await callerOf(deps, request);
    if (!caller) return await deps.requests.complete(request.id, deps.clock.now());
    const made = await deps.makeExport(caller, queryOf(request, caller, deps.clock.now()));
    if (made.rows === 0) {
      await tell({ kind: 'export.empty', data: base });
    } else {
      const fileId = await deps.files.save(
        request.orgId,
        { id: request.id, name: made.fileName, mime: made.mime, bytes: made.bytes },
        new Date(deps.clock.now().getTime() + EXPORT_FILE_TTL_MS),
      );
      await tell({
        kind: 'export.file',
        data: { ...base, fileId, fileName: made.fileName, mime: made.mime, rows: made.rows },
      });
    }
    await deps.requests.complete(request.id, deps.clock.now());
  } catch (error) {
    // A rule failure (no permission, a bad team) is the member's answer; anything else is retried a few times.
    if (!isDomainError(error) && request.attempts < EXPORT_MAX_ATTEMPTS) {
      deps.log.error({ err: error, orgId: request.orgId, exportRequest: request.id }, 'chat export failed');
      return;
    }
    await tell({
      kind: 'export.failed',
      data: { ...base, code: isDomainError(error) ? error.code : 'failed' },
    });
    await deps.requests.complete(request.id, deps.clock.now());
  }
}

/** The member as they are now (roles may have changed since they asked); none when they have left. */
async function callerOf(deps: ChatExportDeps, request: ExportRequest): Promise<Caller | undefined> {
  const [org, member] = await Promise.all([
    deps.orgs.get(request.orgId),
    deps.members.get(request.orgId, request.memberId),
  ]);
  if (!org || !member || member.active === false) return undefined;
  const teams = await deps.teams.list(org.id);
  return memberCaller(org, member, member.locale ?? org.settings.locale, managedTeamIdsOf(teams, member));
}

/** The period word as a range in the org's zone, computed when the export runs (本月 is this month then). */
function queryOf(request: ExportRequest, caller: Caller, now: Date): ChatExportQuery {
  const timeZone = caller.org.settings.timeZone;
  const month = request.period ? /^(\d{4})-(\d{2})$/.exec(request.period) : null;
  const period = month
    ? monthPeriod(Number(month[1]), Number(month[2]), timeZone)
    : request.period
      ? parsePeriodWord(request.period, now, timeZone)
      : undefined;
  return {
    kind: request.kind,
    ...(period ? { from: period.from, to: period.to } : {}),
    ...(request.team ? { team: request.team } : {}),
  };
}
