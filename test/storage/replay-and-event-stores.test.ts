import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/core/shared/clock.js';
import { mongoInboundEventLog } from '../../src/storage/repositories/inbound-event-log.js';
import { mongoSeenSignatures } from '../../src/storage/repositories/seen-signatures.js';
import { useTestModels } from '../adapters/support/real-stores.js';

const { models } = useTestModels();

describe('mongoSeenSignatures', () => {
  it('says first, then repeat for the same body, then replay for another body', async () => {
    const seen = mongoSeenSignatures(models());
    expect(await seen.record('dingtalk', 'robot:1:s', 'body-a')).toBe('first');
    expect(await seen.record('dingtalk', 'robot:1:s', 'body-a')).toBe('repeat');
    expect(await seen.record('dingtalk', 'robot:1:s', 'body-b')).toBe('replay');
    // Another platform's proof of the same text is another proof.
    expect(await seen.record('wecom', 'robot:1:s', 'body-b')).toBe('first');
  });

  it('lets exactly one of many concurrent uses of one proof be first', async () => {
    const seen = mongoSeenSignatures(models());
    const uses = await Promise.all(
      Array.from({ length: 12 }, (_, i) => seen.record('dingtalk', 'card:2:s', `body-${i}`)),
    );
    expect(uses.filter((u) => u === 'first')).toHaveLength(1);
    expect(uses.filter((u) => u === 'replay')).toHaveLength(11);
  });
});

describe('mongoInboundEventLog', () => {
  it('starts one of many concurrent deliveries of an event; the others see it busy', async () => {
    const ledger = mongoInboundEventLog(models(), fixedClock(new Date()));
    const claims = await Promise.all(Array.from({ length: 10 }, () => ledger.begin('slack', 'Ev1', 60_000)));
    expect(claims.filter((c) => c.outcome === 'start')).toHaveLength(1);
    expect(claims.filter((c) => c.outcome === 'busy')).toHaveLength(9);
  });

  it('lets one retry take over an abandoned attempt, and an old attempt cannot end the new lease', async () => {
    const ledger = mongoInboundEventLog(models(), fixedClock(new Date()));
    const first = await ledger.begin('wecom', 'Ev2', 60_000);
    if (first.outcome !== 'start') throw new Error('expected a start');
    await ledger.abandon('wecom', 'Ev2', first.attempt);
    const retries = await Promise.all([1, 2, 3].map(() => ledger.begin('wecom', 'Ev2', 60_000)));
    const started = retries.filter((c) => c.outcome === 'start');
    expect(started).toHaveLength(1);
    await ledger.abandon('wecom', 'Ev2', first.attempt);
    expect((await ledger.begin('wecom', 'Ev2', 60_000)).outcome).toBe('busy');
    await ledger.finish('wecom', 'Ev2');
    expect((await ledger.begin('wecom', 'Ev2', 60_000)).outcome).toBe('done');
  });

  it('counts a record from before leases (no state) as done', async () => {
    await models().InboundEvent.create({ platform: 'slack', eventId: 'Ev-old', receivedAt: new Date() });
    const ledger = mongoInboundEventLog(models(), fixedClock(new Date()));
    expect(await ledger.begin('slack', 'Ev-old', 60_000)).toEqual({ outcome: 'done' });
  });
});
