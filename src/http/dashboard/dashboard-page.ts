import type { DashboardPageTexts } from '../../chat/texts/dashboard-texts.js';
import type { Locale } from '../../core/org/types.js';
import { dashboardAssets } from './dashboard-assets.js';

/** What the page's script is handed: the words, the org's offset for custom days, the API it reads. */
export type DashboardConfig = {
  readonly locale: Locale;
  readonly texts: DashboardPageTexts;
  /** The org's UTC offset now, in minutes: a custom day is that day's local midnight. */
  readonly offsetMinutes: number;
  /** No session yet: the script exchanges the link in the URL first, then loads the page again. */
  readonly signingIn: boolean;
};

/** `<` and friends escaped so the JSON cannot close the data block it sits in. */
const safeJson = (value: unknown) =>
  JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The dashboard's one HTML page: no inline script (the CSP forbids it); its script reads the config from a JSON
 * data block (never executed) and draws every section from one JSON request.
 */
export function dashboardPage(config: DashboardConfig): string {
  const { script, style, echarts } = dashboardAssets();
  const t = config.texts;
  const panel = (id: string, title: string, extra = '') =>
    `<section class="panel" id="panel-${id}" hidden><h2>${escapeHtml(title)}</h2>${extra}<div class="chart" id="chart-${id}" data-testid="chart-${id}"></div></section>`;
  return `<!doctype html>
<html lang="${config.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(t.title)} · Leadrelay</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${style.path}">
<script type="application/json" id="dashboard-config">${safeJson(config)}</script>
<script src="${echarts.path}" defer></script>
<script src="${script.path}" defer></script>
</head>
<body>
<header>
<h1>${escapeHtml(t.title)}</h1>
<form id="filters" data-testid="filters">
<label>${escapeHtml(t.period)} <select id="period" data-testid="period"></select></label>
<span id="custom" hidden>
<label>${escapeHtml(t.from)} <input type="date" id="from"></label>
<label>${escapeHtml(t.to)} <input type="date" id="to"></label>
</span>
<label id="team-label" hidden>${escapeHtml(t.team)} <select id="team" data-testid="team"></select></label>
<button type="submit">${escapeHtml(t.apply)}</button>
</form>
<p id="period-shown" class="muted"></p>
</header>
<main>
<p id="status" class="muted" data-testid="status">${escapeHtml(t.loading)}</p>
<section id="summary" class="summary" data-testid="summary" hidden></section>
<p class="muted hint">${escapeHtml(t.items.clickHint)}</p>
<div class="grid">
${panel('unfollowed', t.sections.unfollowed)}
${panel('response', t.sections.response)}
${panel('funnel', t.sections.funnel)}
<section class="panel" id="panel-channels" hidden><h2>${escapeHtml(t.sections.channels)}</h2><div class="table-wrap"><table id="channels" data-testid="channels"></table></div></section>
${panel('heatmap', t.sections.heatmap)}
${panel('recency', t.sections.recency)}
${panel('afterSales', t.sections.afterSales)}
</div>
<section id="items" class="panel items" data-testid="items" hidden>
<h2 id="items-title"></h2>
<div class="table-wrap"><table id="items-table"></table></div>
<p><button type="button" id="items-more" hidden>${escapeHtml(t.items.more)}</button>
<button type="button" id="items-close">${escapeHtml(t.items.close)}</button></p>
</section>
</main>
</body>
</html>
`;
}

/** A page that only says something: a refused sign-in link, or no session. */
export function dashboardNotice(locale: Locale, title: string, body: string): string {
  const { style } = dashboardAssets();
  return `<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Leadrelay</title><link rel="icon" href="data:,"><link rel="stylesheet" href="${style.path}"></head>
<body><main class="notice"><h1>${escapeHtml(title)}</h1><p data-testid="notice">${escapeHtml(body)}</p></main></body>
</html>
`;
}
