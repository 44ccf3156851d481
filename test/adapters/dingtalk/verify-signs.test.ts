import { describe, expect, it } from 'vitest';
import { verifyCardCallbackSign } from '../../../src/adapters/dingtalk/verify-card-callback-sign.js';
import { verifyRobotSign } from '../../../src/adapters/dingtalk/verify-robot-sign.js';
import { fixedClock, systemClock } from '../../../src/core/shared/clock.js';

// PLATFORMS.md: the docs' sample secret and header timestamp; the sign is computed from the documented algorithm.
const SECRET = 'this is secret';
const TIMESTAMP = '1577262236757';
const SIGN = 'hmPWwU+7lVdm3ZZz0r9tSfx0L4Q26jWOZr9+Gs6EZQM=';
const atVector = fixedClock(new Date(Number(TIMESTAMP) + 30_000));

describe('verifyRobotSign', () => {
  it('accepts the vector when the clock is at its time', () => {
    expect(verifyRobotSign({ timestamp: TIMESTAMP, sign: SIGN }, SECRET, atVector)).toEqual({ ok: true });
  });

  it('rejects the same vector as stale on the real clock (it is from 2019)', () => {
    expect(verifyRobotSign({ timestamp: TIMESTAMP, sign: SIGN }, SECRET, systemClock)).toEqual({
      ok: false,
      reason: 'stale',
    });
  });

  it('rejects timestamps more than an hour ahead as well as behind', () => {
    const ahead = fixedClock(new Date(Number(TIMESTAMP) - 60 * 60 * 1000 - 1));
    expect(verifyRobotSign({ timestamp: TIMESTAMP, sign: SIGN }, SECRET, ahead)).toMatchObject({
      reason: 'stale',
    });
    const edge = fixedClock(new Date(Number(TIMESTAMP) + 60 * 60 * 1000));
    expect(verifyRobotSign({ timestamp: TIMESTAMP, sign: SIGN }, SECRET, edge)).toEqual({ ok: true });
  });

  it('rejects a wrong secret, a tampered sign of any length, and missing headers', () => {
    expect(verifyRobotSign({ timestamp: TIMESTAMP, sign: SIGN }, 'other secret', atVector)).toMatchObject({
      reason: 'mismatch',
    });
    expect(verifyRobotSign({ timestamp: TIMESTAMP, sign: SIGN.slice(1) }, SECRET, atVector)).toMatchObject({
      reason: 'mismatch',
    });
    expect(verifyRobotSign({ timestamp: TIMESTAMP, sign: `${SIGN}x` }, SECRET, atVector)).toMatchObject({
      reason: 'mismatch',
    });
    expect(verifyRobotSign({ timestamp: TIMESTAMP }, SECRET, atVector)).toMatchObject({ reason: 'missing' });
    expect(verifyRobotSign({ timestamp: 'yesterday', sign: SIGN }, SECRET, atVector)).toMatchObject({
      reason: 'missing',
    });
  });
});

describe('verifyCardCallbackSign', () => {
  // Base64(HMAC-SHA256(key = "this is secret", "1577262236757")), computed once with openssl:
  // printf 1577262236757 | openssl dgst -sha256 -hmac 'this is secret' -binary | base64 (and 1577262236 for s)
  const SECONDS_SIGN = '/zdeWPGuBZExCHUQELnFxm2oQ68Zg2WCo2JYBktJqIU=';
  const CARD_SIGN = 'FGwKaEF7XaGlJ5gccMRQ354PCw//L4yApnX1QNvs7BU=';

  it('accepts the ddpaas signature in milliseconds or seconds, within the hour', () => {
    expect(verifyCardCallbackSign({ timestamp: TIMESTAMP, signature: CARD_SIGN }, SECRET, atVector)).toEqual({
      ok: true,
    });
    const seconds = TIMESTAMP.slice(0, 10);
    expect(verifyCardCallbackSign({ timestamp: seconds, signature: SECONDS_SIGN }, SECRET, atVector)).toEqual(
      {
        ok: true,
      },
    );
    expect(
      verifyCardCallbackSign({ timestamp: TIMESTAMP, signature: CARD_SIGN }, SECRET, systemClock),
    ).toEqual({
      ok: false,
      reason: 'stale',
    });
    expect(verifyCardCallbackSign({ timestamp: TIMESTAMP, signature: SIGN }, SECRET, atVector)).toMatchObject(
      {
        reason: 'mismatch',
      },
    );
  });
});
