import { beforeEach, describe, expect, it, type Mock, vi } from 'vitest';
import type { ActionEvent, CommandEvent } from '../../src/chat/events.js';
import { type HandlerContext, Registry } from '../../src/chat/registry.js';
import { en } from '../../src/chat/texts/en.js';
import { zhCN } from '../../src/chat/texts/zh-cn.js';
import type { Member } from '../../src/core/org/types.js';
import { DomainError } from '../../src/core/shared/errors.js';
import {
  FakeMemberRepository,
  FakeOrgRepository,
  FakeTeamRepository,
  makeMember,
  makeOrg,
} from '../core/fakes.js';

const org = makeOrg({ chat: { platform: 'sandbox', workspaceId: 'ws-1' } });
const zhRep = makeMember('rep-zh', { roles: ['rep'] });
const enRep = makeMember('rep-en', { roles: ['rep'], locale: 'en' });
const leaver = makeMember('left', { roles: ['rep'], active: false });

type LogFn = (obj: object, msg: string) => void;
let log: { error: Mock<LogFn> };
let registry: Registry;
let eventSeq = 0;

beforeEach(() => {
  log = { error: vi.fn<LogFn>() };
  registry = new Registry({
    teams: new FakeTeamRepository(),
    orgs: new FakeOrgRepository([org]),
    members: new FakeMemberRepository([zhRep, enRep, leaver]),
    log,
  });
});

const userOf = (member: Member) => member.identities[0]?.userId ?? 'nobody';

function click(userId: string, actionId = 'test.click', eventId = `evt-${++eventSeq}`): ActionEvent {
  return {
    type: 'action',
    eventId,
    user: { platform: 'sandbox', workspaceId: 'ws-1', userId },
    actionId,
    value: 'v',
  };
}

function command(userId: string, name: string, eventId = `evt-${++eventSeq}`): CommandEvent {
  return {
    type: 'command',
    eventId,
    user: { platform: 'sandbox', workspaceId: 'ws-1', userId },
    command: name,
    args: [],
    rawText: `/${name}`,
  };
}

describe('Registry.dispatch', () => {
  it('routes a click to its handler with the member, caller and texts in the member’s language', async () => {
    const handler = vi.fn(async (ctx: HandlerContext) => ({
      replies: [{ text: ctx.texts.memberStatus.title }],
    }));
    registry.onAction('test.click', handler);
    const result = await registry.dispatch(click(userOf(enRep)));
    expect(result).toEqual({ ok: true, replies: [{ text: en.memberStatus.title }] });
    const ctx = handler.mock.calls[0]?.[0];
    expect(ctx?.member.id).toBe(enRep.id);
    expect(ctx?.locale).toBe('en');
    expect(ctx?.caller).toMatchObject({
      member: { id: enRep.id },
      org: { id: org.id },
      roles: ['rep'],
      kind: 'member',
    });
  });

  it('answers IDENTITY_NOT_LINKED in zh-CN when the user is unknown, without calling a handler', async () => {
    const handler = vi.fn(async () => ({ replies: [] }));
    registry.onAction('test.click', handler);
    const result = await registry.dispatch(click('stranger'));
    expect(result).toEqual({ ok: false, replies: [{ text: zhCN.errors.IDENTITY_NOT_LINKED({}) }] });
    expect(handler).not.toHaveBeenCalled();
  });

  it('answers IDENTITY_NOT_LINKED in zh-CN when the workspace belongs to no org', async () => {
    const result = await registry.dispatch({
      ...click(userOf(enRep)),
      user: { platform: 'sandbox', workspaceId: 'elsewhere', userId: userOf(enRep) },
    });
    expect(result).toEqual({ ok: false, replies: [{ text: zhCN.errors.IDENTITY_NOT_LINKED({}) }] });
  });

  it('answers MEMBER_INACTIVE when the member has left, without calling a handler', async () => {
    const handler = vi.fn(async () => ({ replies: [] }));
    registry.onAction('test.click', handler);
    const result = await registry.dispatch(click(userOf(leaver)));
    expect(result).toEqual({ ok: false, replies: [{ text: zhCN.errors.MEMBER_INACTIVE({}) }] });
    expect(handler).not.toHaveBeenCalled();
  });

  it('answers a handler’s DomainError with that code’s text in the member’s language', async () => {
    registry.onAction('test.click', async () => {
      throw new DomainError('FORBIDDEN', { action: 'member.set_availability.other' });
    });
    const asEn = await registry.dispatch(click(userOf(enRep)));
    expect(asEn).toEqual({
      ok: false,
      replies: [{ text: en.errors.FORBIDDEN({ action: 'member.set_availability.other' }) }],
    });
    expect(asEn.replies[0]?.text).toContain('not allowed');
    const asZh = await registry.dispatch(click(userOf(zhRep)));
    expect(asZh.replies[0]?.text).toBe(zhCN.errors.FORBIDDEN({ action: 'member.set_availability.other' }));
    expect(log.error).not.toHaveBeenCalled();
  });

  it('answers a plain Error with a reference and logs platform, eventId and memberId with that reference', async () => {
    const bug = new Error('boom');
    registry.onAction('test.click', async () => {
      throw bug;
    });
    const result = await registry.dispatch(click(userOf(enRep), 'test.click', 'evt-bug'));
    expect(result.ok).toBe(false);
    // A bug, not a rule: dispatchAndReply lets the platform's retry handle the event again.
    expect(result.crashed).toBe(true);
    expect(log.error).toHaveBeenCalledTimes(1);
    const [logged, message] = log.error.mock.calls[0] as [Record<string, unknown>, string];
    expect(logged).toMatchObject({ err: bug, platform: 'sandbox', eventId: 'evt-bug', memberId: enRep.id });
    expect(typeof logged.reference).toBe('string');
    expect(String(logged.reference).length).toBeGreaterThan(0);
    expect(message).toBeTruthy();
    const reference = String(logged.reference);
    expect(result.replies).toEqual([{ text: en.somethingWentWrong(reference) }]);
    expect(result.replies[0]?.text).toContain(reference);
    expect(result.replies[0]?.text).not.toContain('boom');
  });

  it('answers UNKNOWN_ACTION for a button nobody registered', async () => {
    const result = await registry.dispatch(click(userOf(zhRep), 'no.such.action'));
    expect(result).toEqual({ ok: false, replies: [{ text: zhCN.errors.UNKNOWN_ACTION({}) }] });
  });

  it('answers UNKNOWN_COMMAND naming the command when no handler is registered for it', async () => {
    const result = await registry.dispatch(command(userOf(enRep), 'pool'));
    expect(result).toEqual({
      ok: false,
      replies: [{ text: en.errors.UNKNOWN_COMMAND({ command: 'pool' }) }],
    });
  });

  it('routes a command to its command handler, not to an action of the same name', async () => {
    const onCommand = vi.fn(async () => ({ replies: [{ text: 'help!' }] }));
    const onAction = vi.fn(async () => ({ replies: [] }));
    registry.onCommand('help', onCommand).onAction('help', onAction);
    const result = await registry.dispatch(command(userOf(zhRep), 'help'));
    expect(result).toEqual({ ok: true, replies: [{ text: 'help!' }] });
    expect(onCommand).toHaveBeenCalledTimes(1);
    expect(onAction).not.toHaveBeenCalled();
  });

  it('refuses to register the same action or command twice', () => {
    registry.onAction('a', async () => ({ replies: [] })).onCommand('help', async () => ({ replies: [] }));
    expect(() => registry.onAction('a', async () => ({ replies: [] }))).toThrow(/twice/);
    expect(() => registry.onCommand('help', async () => ({ replies: [] }))).toThrow(/twice/);
  });
});
