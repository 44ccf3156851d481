import { createReadStream } from 'node:fs';
import Router from '@koa/router';
import type { AuditLog } from '../../core/audit/index.js';
import { type Backups, findBackupFile, listBackups, makeBackup } from '../../core/backups/index.js';
import type { Clock } from '../../core/shared/clock.js';
import { DomainError } from '../../core/shared/errors.js';
import type { ApiState } from '../middleware/api-auth.js';

export type BackupRouteDeps = {
  readonly backups: Backups;
  readonly clock: Clock;
  readonly audit?: AuditLog;
};

/**
 * Backups under /api/v1, admins only (core/backups/make-backup.ts says which backups an org's admin may see):
 * `POST /backups` makes one now and answers with its summary; `GET /backups` lists them; `GET /backups/:name`
 * downloads one, streamed from disk (a backup can be far larger than memory).
 */
export function backupRoutes(deps: BackupRouteDeps): Router<ApiState> {
  const router = new Router<ApiState>();
  // A backup is every document of the org, phones unmasked: more than "reading", so a read_only token (which may
  // GET anything else) may not list or download one either.
  router.use(async (ctx, next) => {
    if (ctx.state.token?.role === 'read_only') {
      throw new DomainError('FORBIDDEN', { action: `${ctx.method} ${ctx.path}`, role: 'read_only' });
    }
    await next();
  });
  router.post('/backups', async (ctx) => {
    ctx.status = 201;
    ctx.body = { backup: await makeBackup(deps, ctx.state.caller) };
  });
  router.get('/backups', async (ctx) => {
    ctx.body = { backups: await listBackups(deps, ctx.state.caller) };
  });
  router.get('/backups/:name', async (ctx) => {
    const file = await findBackupFile(deps, ctx.state.caller, { name: ctx.params.name ?? '' });
    ctx.type = 'application/x-tar';
    ctx.set('Content-Disposition', `attachment; filename="${file.name}"`);
    ctx.body = createReadStream(file.path);
  });
  return router;
}
