import { describe, expect, it, vi } from 'vitest';
import { dispatchAndReply, EVENT_LEASE_MS } from '../../src/chat/dispatch-and-reply.js';
import type { ActionEvent } from '../../src/chat/events.js';
import { Registry } from '../../src/chat/registry.js';
import { zhCN } from '../../src/chat/texts/zh-cn.js';
import { fixedClock } from '../../src/core/shared/clock.js';
import { DomainError } from '../../src/core/shared/errors.js';
import { useTestModels } from '../adapters/support/real-stores.js';
import {
  FakeMemberRepository,
  FakeOrgRepository,
  FakeTeamRepository,
  makeMember,
  makeOrg,
} from '../core/fakes.js';

// The ledger is the real MongoDB one: its unique index and conditional takeover are what is being tested.
const { inboundEvents } = useTestModels();
const org = makeOrg({ chat: { platform: 'sandbox', workspaceId: 'ws-1' } });
const rep = makeMember('rep', { roles: ['rep'] });
const clock = fixedClock(new Date('2026-03-02T01:00:00Z'));

function setup(handler: () => Promise<{ replies: { text: string }[] }>) {
  const log = { error: vi.fn() };
  const registry = new Registry({
    teams: new FakeTeamRepository(),
    orgs: new FakeOrgRepository([org]),
    members: new FakeMemberRepository([rep]),
    log,
  }).onAction('test.click', handler);
  const sent: [string, string][] = [];
  const send = async (reply: { text?: string }, key: string) => sent.push([key, reply.text ?? '']);
  const deps = { registry, inboundEvents: inboundEvents(clock), log };
  return { deps, sent, send, log };
}

const click = (eventId: string): ActionEvent => ({
  type: 'action',
  eventId,
  user: { platform: 'sandbox', workspaceId: 'ws-1', userId: rep.identities[0]?.userId ?? '' },
  actionId: 'test.click',
  value: 'v',
});

describe('dispatchAndReply', () => {
  it('calls the handler once and answers a duplicate when the same event id comes again', async () => {
    const handler = vi.fn(async () => ({ replies: [{ text: 'done' }] }));
    const { deps, send, sent } = setup(handler);
    const first = await dispatchAndReply(deps, click('evt-dup'), send);
    const retry = await dispatchAndReply(deps, click('evt-dup'), send);
    expect(first).toEqual({ ok: true, replies: [{ text: 'done' }] });
    expect(retry).toEqual({ ok: true, duplicate: true, replies: [] });
    expect(handler).toHaveBeenCalledTimes(1);
    expect(sent).toEqual([['evt-dup:reply:0', 'done']]);
  });

  it('handles a retry again when the handler threw a bug the first time, and only that once', async () => {
    let calls = 0;
    const { deps, send, sent } = setup(async () => {
      calls += 1;
      if (calls === 1) throw new Error('crashed once');
      return { replies: [{ text: 'claimed' }] };
    });
    const crashed = await dispatchAndReply(deps, click('evt-crash'), send);
    expect(crashed).toMatchObject({ ok: false, crashed: true });
    const retry = await dispatchAndReply(deps, click('evt-crash'), send);
    expect(retry).toEqual({ ok: true, replies: [{ text: 'claimed' }] });
    const again = await dispatchAndReply(deps, click('evt-crash'), send);
    expect(again).toMatchObject({ duplicate: true });
    expect(calls).toBe(2);
    // The apology and the real answer both reach the user: their keys differ, so neither swallows the other.
    expect(sent.map(([, text]) => text.includes('claimed'))).toEqual([false, true]);
    expect(new Set(sent.map(([key]) => key)).size).toBe(2);
  });

  it('does not handle a retry again after a rule refused it (a DomainError is an answer, not a crash)', async () => {
    const handler = vi.fn(async () => {
      throw new DomainError('LEAD_NOT_FOUND', {});
    });
    const { deps, send } = setup(handler);
    const first = await dispatchAndReply(deps, click('evt-rule'), send);
    expect(first.replies).toEqual([{ text: zhCN.errors.LEAD_NOT_FOUND({}) }]);
    expect(await dispatchAndReply(deps, click('evt-rule'), send)).toMatchObject({ duplicate: true });
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('leaves a retry alone while the first attempt holds its lease, and takes over once the lease ran out', async () => {
    // A process that died mid-handler: started, never finished nor abandoned.
    const ledger = inboundEvents(clock);
    const dead = await ledger.begin('sandbox', 'evt-dead', EVENT_LEASE_MS);
    expect(dead.outcome).toBe('start');
    const handler = vi.fn(async () => ({ replies: [] }));
    const { deps, send } = setup(handler);
    expect(await dispatchAndReply(deps, click('evt-dead'), send)).toMatchObject({ duplicate: true });
    clock.advance(EVENT_LEASE_MS + 1);
    expect(await dispatchAndReply(deps, click('evt-dead'), send)).toEqual({ ok: true, replies: [] });
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('lets the platform retry when dispatch itself failed (the database was down)', async () => {
    const { deps, send } = setup(async () => ({ replies: [] }));
    const down = { dispatch: vi.fn().mockRejectedValueOnce(new Error('db down')) };
    await expect(dispatchAndReply({ ...deps, registry: down }, click('evt-down'), send)).rejects.toThrow();
    const retry = await dispatchAndReply(deps, click('evt-down'), send);
    expect(retry).toEqual({ ok: true, replies: [] });
  });

  it('logs a reply that failed and sends no further replies, and still counts the event as handled', async () => {
    const { deps, log } = setup(async () => ({ replies: [{ text: 'a' }, { text: 'b' }] }));
    const send = vi.fn().mockRejectedValue(new Error('platform down'));
    await dispatchAndReply(deps, click('evt-reply'), send);
    expect(send).toHaveBeenCalledTimes(1);
    expect(log.error).toHaveBeenCalledWith(
      expect.objectContaining({ platform: 'sandbox', eventId: 'evt-reply' }),
      'chat reply failed',
    );
    expect(await dispatchAndReply(deps, click('evt-reply'), send)).toMatchObject({ duplicate: true });
  });
});
