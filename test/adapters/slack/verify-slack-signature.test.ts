import { describe, expect, it } from 'vitest';
import { slackSignature, verifySlackSignature } from '../../../src/adapters/slack/verify-slack-signature.js';

// Slack's published example: https://docs.slack.dev/authentication/verifying-requests-from-slack
const VECTOR = {
  signingSecret: '8f742231b10e8888abcd99yyyzzz85a5',
  timestamp: '1531420618',
  body: 'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c',
  signature: 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
};
const atVectorTime = new Date(Number(VECTOR.timestamp) * 1000);

const check = (overrides: Partial<Parameters<typeof verifySlackSignature>[0]> = {}) =>
  verifySlackSignature({
    signingSecret: VECTOR.signingSecret,
    timestamp: VECTOR.timestamp,
    signature: VECTOR.signature,
    rawBody: VECTOR.body,
    now: atVectorTime,
    ...overrides,
  });

describe('verifySlackSignature', () => {
  it('accepts Slack’s published vector when the clock is set to the vector’s time', () => {
    expect(slackSignature(VECTOR.signingSecret, VECTOR.timestamp, VECTOR.body)).toBe(VECTOR.signature);
    expect(check()).toEqual({ ok: true });
    expect(check({ rawBody: Buffer.from(VECTOR.body) })).toEqual({ ok: true });
  });

  it('rejects the same vector as stale with the real clock (it is from 2018)', () => {
    expect(check({ now: new Date() })).toEqual({ ok: false, reason: 'stale' });
  });

  it('allows five minutes of skew in both directions and rejects a second more', () => {
    const at = (seconds: number) => new Date(atVectorTime.getTime() + seconds * 1000);
    expect(check({ now: at(300) })).toEqual({ ok: true });
    expect(check({ now: at(-300) })).toEqual({ ok: true });
    expect(check({ now: at(301) })).toEqual({ ok: false, reason: 'stale' });
    // A timestamp from the future: Bolt's own check lets this through.
    expect(check({ now: at(-301) })).toEqual({ ok: false, reason: 'stale' });
  });

  it('rejects a tampered body, a tampered signature and a wrong secret', () => {
    expect(check({ rawBody: VECTOR.body.replace('roadrunner', 'wileecoyote') })).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
    const flipped = `${VECTOR.signature.slice(0, -1)}${VECTOR.signature.endsWith('3') ? '4' : '3'}`;
    expect(check({ signature: flipped })).toEqual({ ok: false, reason: 'bad_signature' });
    expect(check({ signature: `${VECTOR.signature}00` })).toEqual({ ok: false, reason: 'bad_signature' });
    expect(check({ signature: VECTOR.signature.replace('v0=', 'v1=') })).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
    expect(check({ signingSecret: 'another-secret-of-32-characters!' })).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
  });

  it('rejects missing headers and timestamps that are not plain seconds', () => {
    expect(check({ signature: undefined })).toEqual({ ok: false, reason: 'missing_headers' });
    expect(check({ timestamp: undefined })).toEqual({ ok: false, reason: 'missing_headers' });
    expect(check({ timestamp: '1.531420618e9' })).toEqual({ ok: false, reason: 'bad_timestamp' });
    expect(check({ timestamp: ` ${VECTOR.timestamp}` })).toEqual({ ok: false, reason: 'bad_timestamp' });
  });
});
