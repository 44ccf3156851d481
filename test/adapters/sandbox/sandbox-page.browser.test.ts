import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../support/chromium.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

// As the dashboard's browser test: the first page load and chromium's start share two cores with the suite.
const WAIT = { timeout: 20_000 };

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

const memberId = async (name: string): Promise<string> => {
  const { body } = await t.request('GET', '/sandbox/api/members');
  const member = body.find((m: { name: string }) => m.name === name);
  if (!member) throw new Error(`no member ${name}`);
  return member.id;
};

async function openAs(name: string): Promise<{ page: Page; errors: string[] }> {
  context = await browser.newContext({ viewport: { width: 1200, height: 800 }, locale: 'zh-CN' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('dialog', (dialog) => {
    errors.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.goto(`${t.baseUrl}/sandbox?member=${await memberId(name)}`);
  await page.locator('[data-testid="member-select"]').waitFor(WAIT);
  return { page, errors };
}

const messageWithCard = (page: Page, title: string) =>
  page
    .locator('[data-message-id]')
    .filter({ has: page.locator('[data-testid="card-title"]', { hasText: title }) });

describe('sandbox page (in chromium)', () => {
  it('shows a member her status card, and a click on it updates that same card', async () => {
    const { page, errors } = await openAs('李娜');
    const message = messageWithCard(page, '我的状态');
    const status = message.locator('[data-testid="card-status"]');
    await status.filter({ hasText: '在岗，可接收线索' }).waitFor(WAIT);
    const id = await message.getAttribute('data-message-id');
    expect(id).toBeTruthy();

    await message.locator('button', { hasText: '我要休假' }).click();

    const same = page.locator(`[data-message-id="${id}"]`);
    await same.locator('[data-testid="card-status"]', { hasText: '休假中，暂停分配线索' }).waitFor(WAIT);
    await same.locator('button[data-action-id]', { hasText: '我已回岗' }).waitFor(WAIT);
    expect(await same.locator('[data-testid="card-status"]').textContent()).toBe('休假中，暂停分配线索');
    expect(await messageWithCard(page, '我的状态').count()).toBe(1);
    await page.screenshot({ path: '/tmp/sandbox.png' });
    expect(errors).toEqual([]);
  });

  it('sends a typed command with Enter and shows the bot answer card', async () => {
    const { page, errors } = await openAs('孙磊');
    const composer = page.locator('[data-testid="composer"]');
    await composer.fill('/帮助');
    await composer.press('Enter');
    await messageWithCard(page, 'Leadrelay 命令').waitFor(WAIT);
    await page.locator('[data-message-id]', { hasText: '/帮助' }).first().waitFor(WAIT);
    expect(await composer.inputValue()).toBe('');
    expect(errors).toEqual([]);
  });

  it('shows typed HTML literally and never runs it', async () => {
    const { page, errors } = await openAs('吴静');
    const payload = '<img src=x onerror=window.__xss=1>';
    const composer = page.locator('[data-testid="composer"]');
    await composer.fill(payload);
    await composer.press('Enter');
    const typed = page.locator('[data-message-id] [data-testid="message-text"]', { hasText: payload });
    await typed.first().waitFor(WAIT);
    // The bot answers (unknown command) quoting the text: it must be literal as well.
    await page.locator('[data-message-id]', { hasText: '不认识的命令' }).first().waitFor(WAIT);
    expect(await typed.first().textContent()).toBe(payload);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.locator('[data-message-id] img').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
