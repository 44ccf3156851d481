import { describe, expect, it } from 'vitest';
import {
  parseCardCallback,
  parseRobotMessage,
} from '../../../src/adapters/dingtalk/parse-dingtalk-events.js';
import { fixture } from './dingtalk-test-support.js';

const WS = 'dingc7d9f3a2b1e4c5d6';

describe('parseRobotMessage', () => {
  it('reads "/线索" in a DM as the lead command from the sender', () => {
    expect(parseRobotMessage(fixture('robot-dm-command.json'), WS)).toEqual({
      type: 'command',
      eventId: 'dingtalk:msgB5tJ8w2Zq0nV7kR4xYpLd9A==',
      user: { platform: 'dingtalk', workspaceId: WS, userId: 'manager4220' },
      command: 'lead',
      args: [],
      rawText: '/线索',
    });
  });

  it('drops the leading @mention of a group message', () => {
    const event = parseRobotMessage(fixture('robot-group-mention.json'), WS);
    expect(event).toMatchObject({
      eventId: 'dingtalk:msgR2fK9s1Xc4mQ8vB6nZtWe7g==',
      user: { userId: '0457425834' },
      command: 'pool',
      args: ['华东'],
      rawText: '/公海 华东',
      // Answered in the 1:1 chat, but known as typed in a group: /令牌 refuses there (isDirectMessage).
      groupChat: true,
    });
    expect(parseRobotMessage(fixture('robot-dm-command.json'), WS)).not.toHaveProperty('groupChat');
  });

  // Issue #12: other text is a text event (a guided exchange's answer); the registry refuses it when nothing waits.
  it('passes other text on as plain text, and reads an empty message as help', () => {
    const base = fixture('robot-dm-command.json');
    expect(parseRobotMessage({ ...base, text: { content: ' 你好 机器人' } }, WS)).toMatchObject({
      type: 'text',
      text: '你好 机器人',
    });
    expect(parseRobotMessage({ ...base, text: { content: ' ' } }, WS)).toMatchObject({ command: 'help' });
  });

  it('ignores what is not a text message from a member', () => {
    const base = fixture('robot-dm-command.json');
    expect(parseRobotMessage({ ...base, msgtype: 'picture', text: undefined }, WS)).toBeUndefined();
    expect(parseRobotMessage({ ...base, senderStaffId: undefined }, WS)).toBeUndefined();
    expect(parseRobotMessage('nonsense', WS)).toBeUndefined();
  });
});

describe('parseCardCallback', () => {
  const callback = fixture('card-callback.json');
  const withParams = (params: Record<string, unknown>) => ({
    ...callback,
    content: JSON.stringify({ cardPrivateData: { actionIds: ['lead_button'], params } }),
  });

  it('reads the clicked button from the callback params and points at the card', () => {
    expect(parseCardCallback(callback, WS)).toEqual({
      type: 'action',
      eventId: `dingtalk:card:9c1e04d2b7aa:${callback.outTrackId}:manager4220:lead.claim:L-12`,
      user: { platform: 'dingtalk', workspaceId: WS, userId: 'manager4220' },
      actionId: 'lead.claim',
      value: 'L-12',
      messageRef: callback.outTrackId,
    });
  });

  it('gives a retry the same id and a click on a redrawn card a new one', () => {
    const first = parseCardCallback(callback, WS)?.eventId;
    expect(parseCardCallback(structuredClone(callback), WS)?.eventId).toBe(first);
    const redrawn = parseCardCallback(withParams({ actionId: 'lead.claim', value: 'L-12', rev: 'ffff' }), WS);
    expect(redrawn?.eventId).not.toBe(first);
  });

  it('falls back to the delivery id, then to the click itself, when the template sends no rev', () => {
    const noRev = withParams({ actionId: 'lead.claim', value: 'L-12' });
    expect(parseCardCallback(noRev, WS, 'msg-1')?.eventId).toBe('dingtalk:req:msg-1');
    expect(parseCardCallback(noRev, WS)?.eventId).toBe(
      `dingtalk:card:${callback.outTrackId}:manager4220:lead.claim:L-12`,
    );
    expect(parseCardCallback(withParams({}), WS)).toMatchObject({ actionId: 'lead_button', value: '' });
  });

  it('ignores other callback types and broken content', () => {
    expect(parseCardCallback({ ...callback, type: 'dynamicDataSource' }, WS)).toBeUndefined();
    expect(parseCardCallback({ ...callback, content: '{not json' }, WS)).toBeUndefined();
    expect(parseCardCallback({ ...callback, userId: '' }, WS)).toBeUndefined();
  });
});
