import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slackSignature } from '../../src/adapters/slack/verify-slack-signature.js';
import { TEST_SIGNING_SECRET } from '../adapters/slack/support/slack-settings-for.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Issue 10 item 3: the sandbox's clock control moves the app's clock, never the one signatures are checked on.
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({
    platforms: {
      enabled: ['slack'],
      env: {
        SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
        SLACK_BOT_TOKEN: 'xoxb-e2e-token',
        SLACK_API_URL: 'http://127.0.0.1:9/api/',
      },
      publicUrl: 'https://leadrelay.example',
    },
  });
});
afterAll(() => t?.close());

async function slackAt(seconds: number) {
  const body = JSON.stringify({ type: 'url_verification', challenge: 'c-1' });
  const timestamp = String(seconds);
  return fetch(`${t.baseUrl}/slack/events`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-slack-request-timestamp': timestamp,
      'x-slack-signature': slackSignature(TEST_SIGNING_SECRET, timestamp, body),
    },
    body,
  });
}

describe('signatures are checked on real time, whatever the sandbox clock says', () => {
  it('accepts a request signed now and refuses one signed at the sandbox’s time, 10 minutes on', async () => {
    expect((await t.request('POST', '/sandbox/api/clock', { advance: '10m' })).status).toBe(200);
    const moved = Math.floor(t.app.clock.now().getTime() / 1000);
    const real = Math.floor(Date.now() / 1000);
    expect(moved - real).toBeGreaterThanOrEqual(599);
    expect((await slackAt(real)).status).toBe(200);
    expect((await slackAt(moved)).status).toBe(401);
  });
});
