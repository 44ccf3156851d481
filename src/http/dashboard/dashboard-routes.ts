import Router from '@koa/router';
import type { Context } from 'koa';
import { z } from 'zod';
import { textsFor } from '../../chat/texts/texts-for.js';
import { DASHBOARD_SESSION_MS } from '../../core/org/dashboard-link.js';
import { openDashboardLink } from '../../core/org/open-dashboard-link.js';
import type { Locale } from '../../core/org/types.js';
import { parseInput } from '../../core/shared/validate.js';
import { zoneOffsetMs } from '../../core/shared/zoned-time.js';
import { errorLocale } from '../middleware/error-handler.js';
import { ASSET_PREFIX, type DashboardAsset, dashboardAssets } from './dashboard-assets.js';
import { dashboardNotice, dashboardPage } from './dashboard-page.js';
import { type SessionDeps, sessionCaller, sessionCookie } from './session-caller.js';

export type DashboardRouteDeps = SessionDeps & {
  /** PUBLIC_URL: an https one makes the session cookie Secure. */
  readonly publicUrl?: string | undefined;
};

/**
 * Scripts only from here (none inline), no framing, no plugins. Styles may be inline because ECharts writes its
 * tooltips' markup with style attributes; what the page itself styles is in its own file.
 */
export const DASHBOARD_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

const YEAR_S = 365 * 86_400;
const linkSchema = z.strictObject({ t: z.string().trim().min(1).max(200) });

function secured(ctx: Context) {
  ctx.set('content-security-policy', DASHBOARD_CSP);
  ctx.set('x-content-type-options', 'nosniff');
  // The sign-in link's secret is in the URL until the script swaps it away: never send it on as a referrer.
  ctx.set('referrer-policy', 'no-referrer');
}

/**
 * `GET /dashboard`: the page for a signed-in member (their language, their scope), a notice otherwise.
 * `POST /dashboard/session {t}`: the page's script exchanges the link's secret for the session cookie. Done by the
 * script, not by the GET, so a link previewer or a mail scanner fetching the URL does not use up the one-time link.
 * `GET /dashboard/assets/<name>.<hash>.<ext>`: the script, the style and ECharts, cached for a year.
 */
export function dashboardRoutes(deps: DashboardRouteDeps): Router {
  const router = new Router();
  const secure = (deps.publicUrl ?? '').startsWith('https:');
  const linkDeps = { access: deps.dashboardAccess, clock: deps.clock };

  router.get('/dashboard', async (ctx) => {
    secured(ctx);
    ctx.set('cache-control', 'no-store');
    const caller = await sessionCaller(deps, ctx);
    const signingIn = typeof ctx.query.t === 'string';
    if (!caller && !signingIn) {
      const locale = errorLocale(ctx, {});
      const t = textsFor(locale).dashboard.page.signIn;
      ctx.status = 401;
      ctx.type = 'html';
      ctx.body = dashboardNotice(locale, t.title, t.needed);
      return;
    }
    const locale: Locale = caller?.locale ?? errorLocale(ctx, {});
    const timeZone = caller?.org.settings.timeZone ?? 'Asia/Shanghai';
    ctx.type = 'html';
    ctx.body = dashboardPage({
      locale,
      texts: textsFor(locale).dashboard.page,
      offsetMinutes: Math.round(zoneOffsetMs(deps.clock.now(), timeZone) / 60_000),
      // A link in the address is exchanged even when signed in already: it may be another member's sign-in.
      signingIn,
    });
  });

  router.post('/dashboard/session', async (ctx) => {
    secured(ctx);
    ctx.set('cache-control', 'no-store');
    const { t } = parseInput(linkSchema, ctx.request.body ?? {});
    const opened = await openDashboardLink(linkDeps, t);
    ctx.append('set-cookie', sessionCookie(opened.sessionToken, DASHBOARD_SESSION_MS, secure));
    ctx.status = 204;
  });

  router.get(`${ASSET_PREFIX}:file`, async (ctx) => {
    const assets: readonly DashboardAsset[] = Object.values(dashboardAssets());
    const found = assets.find((a) => a.path === ctx.path);
    if (!found) return;
    secured(ctx);
    // The content hash is in the name: a changed file is a new URL, so the old one may be kept forever.
    ctx.set('cache-control', `public, max-age=${YEAR_S}, immutable`);
    ctx.type = found.type;
    ctx.vary('accept-encoding');
    if (ctx.acceptsEncodings('gzip', 'identity') === 'gzip') {
      ctx.set('content-encoding', 'gzip');
      ctx.body = found.gzipped();
    } else ctx.body = found.body;
  });
  return router;
}
