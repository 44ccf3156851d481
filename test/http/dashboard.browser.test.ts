import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { dashboardLinkFor } from './dashboard-support.js';

// The dashboard in a real browser (Debian's chromium, as the sandbox page's test): a manager opens the link `/看板`
// sent them on the sandbox, sees the charts drawn with Chinese labels, changes the period, clicks a bar and reads the
// lead codes behind it.

const WAIT = { timeout: 15_000 };

let t: TestApp;
let browser: Browser;
let context: BrowserContext | undefined;

beforeAll(async () => {
  [t, browser] = await Promise.all([startTestApp(), launchChromium()]);
});
afterEach(async () => {
  await context?.close();
  context = undefined;
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

/** Three leads taken in by the API this week: routing gives them to reps of the demo teams. */
async function someLeads(): Promise<{ code: string; ownerId: string }[]> {
  const leads = [];
  for (const phone of ['13800009001', '13800009002', '13800009003']) {
    const res = await t.request(
      'POST',
      '/api/v1/leads',
      { phone, region: '上海', source: 'api', name: '客户' },
      { authorization: `Bearer ${t.token}` },
    );
    leads.push(res.body.lead);
  }
  // The first one followed up an hour later: its rep gets a response time, a bar to click.
  t.app.clock.advance(3_600_000);
  const followed = await t.request(
    'POST',
    `/api/v1/leads/${leads[0].code}/follow-ups`,
    {
      channel: 'phone',
      content: '聊过',
      nextContactAt: new Date(t.app.clock.now().getTime() + 86_400_000).toISOString(),
    },
    { authorization: `Bearer ${t.token}` },
  );
  if (followed.status !== 201) throw new Error(`follow-up: ${followed.status}`);
  return leads;
}

async function open(width: number): Promise<{ page: Page; errors: string[] }> {
  context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return { page, errors };
}

describe('dashboard page (in chromium)', () => {
  it('opens from the /看板 link, draws the charts, follows the period and lists the leads behind a bar', async () => {
    const leads = await someLeads();
    const { page, errors } = await open(1200);
    const { path } = await dashboardLinkFor(t, '陈思远');
    await page.goto(`${t.baseUrl}${path}`);
    // The script exchanged the link and loaded the page again, without the secret in its address.
    await page.waitForURL(`${t.baseUrl}/dashboard`, WAIT);
    await page.locator('body[data-loaded]').waitFor(WAIT);
    expect(await page.locator('h1').textContent()).toBe('数据看板');
    const unfollowed = page.locator('[data-testid="chart-unfollowed"] svg');
    await unfollowed.waitFor(WAIT);
    expect(await page.locator('[data-testid="chart-funnel"] svg').count()).toBe(1);
    expect(await page.locator('[data-testid="chart-heatmap"] svg').count()).toBe(1);
    const funnelText = await page.locator('[data-testid="chart-funnel"] svg').textContent();
    expect(funnelText).toMatch(/[\u4e00-\u9fff]/);
    expect(await page.locator('[data-testid="summary"]').textContent()).toContain('未跟进率');
    expect(await page.locator('[data-testid="channels"]').textContent()).toContain('线索量');

    // Last week had none of these leads: the page says so; this week again draws them.
    const loaded = await page.locator('body').getAttribute('data-loaded');
    await page.locator('[data-testid="period"]').selectOption('last-week');
    await page.waitForFunction((before) => document.body.dataset.loaded !== before, loaded, WAIT);
    expect(await page.locator('#period-shown').textContent()).not.toBe('');
    const lastWeek = await page.locator('body').getAttribute('data-loaded');
    await page.locator('[data-testid="period"]').selectOption('this-week');
    await page.waitForFunction((before) => document.body.dataset.loaded !== before, lastWeek, WAIT);

    // A bar of the response-time chart: its rep's cohort leads, with their codes.
    const owner = leads[0]?.ownerId ?? '';
    const { body } = await t.request('GET', '/api/v1/reports/reps', undefined, {
      authorization: `Bearer ${t.token}`,
    });
    const index = body.report.reps.findIndex((r: { memberId: string }) => r.memberId === owner);
    expect(index).toBeGreaterThanOrEqual(0);
    const bars = page.locator('[data-testid="chart-response"] svg path[fill]:not([fill="none"])');
    const items = page.locator('[data-testid="items"]');
    // ECharts grows the bars in for a second after each draw: a click before the bar reaches the point hits the
    // empty grid, so click again until the list opens (on a fast machine the first click is often that early).
    await expect
      .poll(
        async () => {
          await clickBar(page, 'chart-response', index);
          return items.locator('table a').first().isVisible();
        },
        { timeout: WAIT.timeout, interval: 500 },
      )
      .toBe(true);
    const codes = await items.locator('table a').allTextContents();
    const mine = leads.filter((l) => l.ownerId === owner).map((l) => l.code);
    for (const code of mine) expect(codes).toContain(code);
    expect(await items.locator('a').first().getAttribute('href')).toMatch(/^\/api\/v1\/leads\/L-\d+$/);
    expect(await bars.count()).toBeGreaterThan(0);
    await page.screenshot({ path: '/tmp/dashboard.png', fullPage: true });
    expect(errors).toEqual([]);
  });

  it('fits a phone’s width, and a used link tells the member to send /看板 again', async () => {
    const { page, errors } = await open(390);
    const { path } = await dashboardLinkFor(t, '王海峰');
    await page.goto(`${t.baseUrl}${path}`);
    await page.locator('body[data-loaded]').waitFor(WAIT);
    await page.locator('[data-testid="chart-funnel"] svg').waitFor(WAIT);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await page.screenshot({ path: '/tmp/dashboard-phone.png', fullPage: true });

    const again = await context!.newPage();
    await again.goto(`${t.baseUrl}${path}`);
    await again.locator('[data-testid="notice"]', { hasText: '/看板' }).waitFor(WAIT);
    expect(await again.locator('[data-testid="notice"]').textContent()).toContain('用过');
    expect(errors).toEqual([]);
  });
});

/** Clicks the `index`-th bar of a horizontal bar chart: ECharts maps the click to its data index. */
async function clickBar(page: Page, chart: string, index: number) {
  const box = await page.locator(`[data-testid="${chart}"]`).boundingBox();
  if (!box) throw new Error(`no ${chart}`);
  const position = await page.evaluate(
    ({ id, i }) => {
      const el = document.querySelector(`[data-testid="${id}"]`) as HTMLElement;
      const instance = (
        window as unknown as { echarts: { getInstanceByDom(e: HTMLElement): unknown } }
      ).echarts.getInstanceByDom(el) as {
        convertToPixel(finder: object, value: unknown[]): number[];
        getOption(): { series: { data: (number | null)[] }[] };
      };
      const value = instance.getOption().series[0]?.data[i] ?? 0;
      // Half-way along the bar (a bar of 0 gets its own axis position), on its category's row.
      const [x, y] = instance.convertToPixel({ seriesIndex: 0 }, [(value ?? 0) / 2, i]);
      return { x: x ?? 0, y: y ?? 0 };
    },
    { id: chart, i: index },
  );
  await page.mouse.click(box.x + position.x, box.y + position.y);
}
