import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SLACK_EVENTS_PATH } from '../../../src/adapters/slack/slack-receiver.js';
import { slackRoutes } from '../../../src/adapters/slack/slack-routes.js';
import { createHttpApp } from '../../../src/http/create-http-app.js';
import { useTestModels } from '../support/real-stores.js';
import { type FakeSlackApi, startFakeSlackApi } from './support/fake-slack-api.js';
import { fixture, type SlackHarness, startSlackHarness } from './support/slack-harness.js';
import { slackSettingsFor } from './support/slack-settings-for.js';

const { inboundEvents } = useTestModels();

let api: FakeSlackApi;
let slack: SlackHarness;
beforeAll(async () => {
  api = await startFakeSlackApi();
});
afterAll(() => api.close());
beforeEach(async () => {
  api.calls.length = 0;
  slack = await startSlackHarness(api, inboundEvents());
});
afterEach(() => slack.close());

describe('POST /slack/events: checks before anything runs', () => {
  it('answers url_verification with the challenge', async () => {
    const response = await slack.postJson(fixture('url-verification.json'));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ challenge: fixture('url-verification.json').challenge });
  });

  it('answers 401 to a bad signature, a stale or a future timestamp, and dispatches nothing', async () => {
    const now = Math.floor(slack.clock.now().getTime() / 1000);
    const event = fixture('message-im-lead.json');
    const attempts = [
      slack.postJson(event, { secret: 'not-the-signing-secret-000000000' }),
      slack.postJson(event, { timestamp: String(now - 301) }),
      slack.postJson(event, { timestamp: String(now + 301) }),
      fetch(`${slack.baseUrl}${SLACK_EVENTS_PATH}`, { method: 'POST', body: JSON.stringify(event) }),
      // Even the URL check is answered only when signed.
      slack.postJson(fixture('url-verification.json'), { secret: 'not-the-signing-secret-000000000' }),
    ];
    for (const response of await Promise.all(attempts)) {
      expect(response.status).toBe(401);
      expect(await response.text()).toBe('');
    }
    expect(slack.dispatch).not.toHaveBeenCalled();
    expect(api.calls).toEqual([]);
  });

  it('answers ssl_check with an empty 200 and nothing else', async () => {
    const response = await slack.post('ssl_check=1&token=abc', 'application/x-www-form-urlencoded', {
      secret: 'unsigned-by-slack-000000000000000',
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
    expect(slack.dispatch).not.toHaveBeenCalled();
  });

  it('answers 413 to a body far larger than any Slack payload', async () => {
    const response = await slack.post(`{"x":"${'a'.repeat(1024 * 1024)}"}`, 'application/json');
    expect(response.status).toBe(413);
    expect(slack.dispatch).not.toHaveBeenCalled();
  });
});

describe('slackRoutes in Socket Mode', () => {
  it('mounts no HTTP route when SLACK_APP_TOKEN is set (the WebSocket opens in start())', async () => {
    const settings = slackSettingsFor(api.apiUrl, { SLACK_APP_TOKEN: 'xapp-1-test' });
    const socket = slackRoutes(settings, {
      registry: { dispatch: slack.dispatch },
      inboundEvents: slack.inboundEvents,
      background: slack.background,
      adapter: slack.adapter,
      signatureClock: slack.clock,
      log: slack.log,
    });
    const http = createHttpApp({
      log: pino({ level: 'silent' }),
      bodyLimit: '1mb',
      routers: [socket.router],
    });
    const server = http.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => server.once('listening', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${SLACK_EVENTS_PATH}`;
    const response = await fetch(url, { method: 'POST', body: '{}' });
    await new Promise<void>((resolve) => server.close(() => resolve()));
    expect(response.status).toBe(404);
    expect(socket.app).toBeDefined();
  });
});
