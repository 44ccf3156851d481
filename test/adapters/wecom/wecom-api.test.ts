import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { wecomApi } from '../../../src/adapters/wecom/wecom-api.js';
import { WecomApiError } from '../../../src/adapters/wecom/wecom-http.js';
import { TransientDeliveryError } from '../../../src/chat/chat-adapter.js';
import { fixedClock } from '../../../src/core/shared/clock.js';
import { FakeWecomApi, testSettings } from './fake-wecom-api.js';

const fake = new FakeWecomApi();
const text = (content: string) => ({ touser: 'WangFang', msgtype: 'text', text: { content } }) as const;

beforeAll(async () => {
  await fake.start();
});
afterAll(async () => {
  await fake.stop();
});
beforeEach(() => fake.reset());

function client(clock = fixedClock(new Date('2025-06-01T08:00:00Z'))) {
  return { api: wecomApi(testSettings(fake.url), { fetch, clock }), clock };
}

describe('wecomApi', () => {
  it('fetches one token for several calls and sends it with each', async () => {
    const { api } = client();
    await api.sendMessage(text('一'));
    await api.sendMessage(text('二'));
    expect(fake.callsTo('/cgi-bin/gettoken')).toHaveLength(1);
    expect(fake.callsTo('/cgi-bin/gettoken')[0]?.query).toEqual({
      corpid: 'ww1436e0e65a779aee',
      corpsecret: 'test-app-secret',
    });
    const sends = fake.callsTo('/cgi-bin/message/send');
    const tokens = sends.map((c) => c.query.access_token);
    expect(tokens[0]).toMatch(/^TOKEN-/);
    expect(tokens[1]).toBe(tokens[0]);
    expect(sends[0]?.body).toEqual({ ...text('一'), agentid: 1000002 });
  });

  it('shares one gettoken between concurrent first calls', async () => {
    const { api } = client();
    await Promise.all([api.sendMessage(text('1')), api.sendMessage(text('2')), api.sendMessage(text('3'))]);
    expect(fake.callsTo('/cgi-bin/gettoken')).toHaveLength(1);
  });

  it('renews the token shortly before it expires', async () => {
    const { api, clock } = client();
    await api.sendMessage(text('早'));
    clock.advance(7200_000 - 4 * 60_000);
    await api.sendMessage(text('晚'));
    expect(fake.callsTo('/cgi-bin/gettoken')).toHaveLength(2);
  });

  it('fetches a new token and retries once when WeCom says the token expired (42001)', async () => {
    const { api } = client();
    await api.sendMessage(text('一'));
    fake.expireTokens();
    await api.sendMessage(text('二'));
    const [first, refused, retried] = fake.callsTo('/cgi-bin/message/send').map((c) => c.query.access_token);
    expect(refused).toBe(first);
    expect(retried).not.toBe(first);
    expect(fake.callsTo('/cgi-bin/gettoken')).toHaveLength(2);
  });

  it('fetches a new token when WeCom calls it invalid (40014), but only once', async () => {
    const { api } = client();
    fake.script(
      '/cgi-bin/message/send',
      { json: { errcode: 40014, errmsg: 'invalid' } },
      { json: { errcode: 40014, errmsg: 'invalid' } },
    );
    const error = await api.sendMessage(text('x')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WecomApiError);
    expect(fake.callsTo('/cgi-bin/message/send')).toHaveLength(2);
  });

  it.each([
    [
      'errcode 45009 (rate limit), waiting a minute',
      { json: { errcode: 45009, errmsg: 'api freq out of limit' } },
      60_000,
    ],
    ['errcode -1 (system busy)', { json: { errcode: -1, errmsg: 'system busy' } }, undefined],
    ['HTTP 502', { status: 502 }, undefined],
  ])('maps %s to a TransientDeliveryError', async (_name, reply, retryAfterMs) => {
    const { api } = client();
    fake.script('/cgi-bin/message/send', reply);
    const error = await api.sendMessage(text('x')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransientDeliveryError);
    expect((error as TransientDeliveryError).retryAfterMs).toBe(retryAfterMs);
  });

  it('maps a network failure to a TransientDeliveryError that does not show the secret', async () => {
    const settings = { ...testSettings(fake.url), WECOM_API_URL: 'http://127.0.0.1:1' };
    const api = wecomApi(settings, { fetch, clock: fixedClock(new Date()) });
    const error = await api.sendMessage(text('x')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransientDeliveryError);
    expect((error as Error).message).not.toContain('test-app-secret');
  });

  it('maps other errcodes to a plain error that says which setting to fix', async () => {
    const { api } = client();
    fake.script('/cgi-bin/gettoken', { json: { errcode: 40001, errmsg: 'invalid credential' } });
    const error = await api.sendMessage(text('x')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WecomApiError);
    expect(error).not.toBeInstanceOf(TransientDeliveryError);
    expect((error as Error).message).toBe(
      'WeCom /cgi-bin/gettoken failed: errcode 40001 invalid credential — check WECOM_SECRET (the Secret of this app, not of another app)',
    );
  });

  it('raises a member WeCom did not deliver to (invaliduser), which errcode 0 alone would hide', async () => {
    const { api } = client();
    fake.script('/cgi-bin/message/send', { json: { errcode: 0, errmsg: 'ok', invaliduser: 'LiLei' } });
    await expect(api.sendMessage({ ...text('x'), touser: 'LiLei' })).rejects.toThrow(
      /did not deliver to LiLei/,
    );
  });

  it('returns the response_code of a template card send', async () => {
    const { api } = client();
    fake.script('/cgi-bin/message/send', {
      json: { errcode: 0, errmsg: 'ok', msgid: 'M1', response_code: 'RC-1' },
    });
    await expect(api.sendMessage(text('x'))).resolves.toEqual({ msgId: 'M1', responseCode: 'RC-1' });
  });
});
