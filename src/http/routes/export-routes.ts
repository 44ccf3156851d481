import { PassThrough } from 'node:stream';
import Router from '@koa/router';
import type { Logger } from 'pino';
import {
  EXPORT_KIND_NAMES,
  EXPORT_KINDS,
  type ExportDeps,
  isExportKind,
  planExport,
  streamExport,
} from '../../core/exports/index.js';
import { DomainError } from '../../core/shared/errors.js';
import { EXPORT_CONTENT_TYPES, openExportSink } from '../../export-files/open-export-sink.js';
import type { ApiState } from '../middleware/api-auth.js';

export type ExportRouteDeps = ExportDeps & { readonly log: Logger };

/**
 * `Content-Disposition` with the name in UTF-8 (RFC 6266 / RFC 5987: `filename*=UTF-8''…`), and an ASCII
 * `filename` beside it for clients that read only that one (跟进记录-2026-11.csv → ____-2026-11.csv).
 */
export function attachmentHeader(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * `GET /api/v1/exports/:kind?from&to&team&format=csv|xlsx`: the caller's records of a kind as a file, streamed
 * (core/exports/stream-export.ts). Everything that can be refused (an unknown kind 404, a bad field 400, no right
 * 403) is decided before the first byte; after that the status is 200 and a failure can only cut the file short,
 * so the stream is destroyed (the client sees a broken transfer, never a file that looks whole).
 */
export function exportRoutes(deps: ExportRouteDeps): Router<ApiState> {
  const router = new Router<ApiState>();
  router.get('/exports/:kind', async (ctx) => {
    const kind = ctx.params.kind ?? '';
    if (!isExportKind(kind)) throw new DomainError('EXPORT_KIND_UNKNOWN', { kind, kinds: EXPORT_KINDS });
    const { caller } = ctx.state;
    const plan = await planExport(deps, caller, { ...ctx.query, kind });
    const body = new PassThrough();
    // A client that hangs up: Koa destroys the body, and the abort stops the database cursor at once.
    const gone = new AbortController();
    ctx.res.once('close', () => {
      if (!ctx.res.writableFinished) gone.abort();
    });
    ctx.status = 200;
    ctx.type = EXPORT_CONTENT_TYPES[plan.format];
    ctx.set('Content-Disposition', attachmentHeader(plan.fileName));
    ctx.set('Cache-Control', 'no-store');
    ctx.body = body;
    const sink = openExportSink(plan.format, body, EXPORT_KIND_NAMES[plan.kind][caller.locale].title);
    const requestId = (ctx.state as { requestId?: string }).requestId;
    streamExport(deps, caller, plan, sink, undefined, gone.signal).then(
      (result) => deps.log.info({ requestId, kind, rows: result.rows, orgId: caller.org.id }, 'export sent'),
      (error: unknown) => {
        if (gone.signal.aborted) deps.log.info({ requestId, kind }, 'export stopped: the client went away');
        else deps.log.error({ requestId, kind, err: error }, 'export failed mid-stream');
        body.destroy(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
  return router;
}
