import type Router from '@koa/router';
import type { FileStore } from '../../chat/file-store.js';
import type { Org } from '../../core/org/types.js';
import type { Clock } from '../../core/shared/clock.js';
import type { SandboxFileLinks } from './sandbox-file-links.js';

export type SandboxFileRouteDeps = {
  readonly files: FileStore;
  readonly links: SandboxFileLinks;
  readonly clock: Clock;
  readonly org: () => Promise<Org>;
};

/**
 * GET /sandbox/files/:id?expires&sig — the sandbox's file download. The link is checked before anything is read
 * (a bad or expired one is a 403, the same answer for both so a link cannot be probed), then the file is read in
 * the sandbox org only and sent as an attachment under its own name (UTF-8, RFC 6266, for the Chinese names).
 */
export function sandboxFileRoute(router: Router, deps: SandboxFileRouteDeps): void {
  router.get('/files/:id', async (ctx) => {
    const id = String(ctx.params.id ?? '');
    const expires = typeof ctx.query.expires === 'string' ? ctx.query.expires : '';
    const sig = typeof ctx.query.sig === 'string' ? ctx.query.sig : '';
    const now = deps.clock.now();
    if (!(await deps.links.verify(id, expires, sig, now))) {
      ctx.status = 403;
      ctx.body = {
        error: { code: 'FILE_LINK_INVALID', message: 'this download link is not valid or has expired' },
      };
      return;
    }
    const org = await deps.org();
    const file = await deps.files.load(org.id, id, now);
    if (!file) {
      ctx.status = 404;
      ctx.body = { error: { code: 'FILE_NOT_FOUND', message: 'this file has expired' } };
      return;
    }
    ctx.set('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`);
    ctx.set('cache-control', 'private, no-store');
    ctx.type = file.mime;
    ctx.body = Buffer.from(file.bytes);
  });
}
