import type { BlockAction, BlockElementAction, SlashCommand, types } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import {
  actionEventFrom,
  commandEventFrom,
  dmEventFrom,
  homeCommandEventFrom,
  isUserDm,
  plainSlackText,
} from '../../../src/adapters/slack/parse-slack-events.js';

const envelope = { event_id: 'Ev1', team_id: 'T1' };
const dm = (text: string, extra: Partial<types.GenericMessageEvent> = {}): types.GenericMessageEvent => ({
  type: 'message',
  subtype: undefined,
  event_ts: '1.1',
  ts: '1.1',
  channel: 'D1',
  channel_type: 'im',
  user: 'U1',
  text,
  ...extra,
});

describe('dmEventFrom', () => {
  it('reads English and Chinese commands, quoted arguments and a leading mention', () => {
    expect(dmEventFrom(envelope, dm('/线索 L-1'))).toMatchObject({ command: 'lead', args: ['L-1'] });
    expect(dmEventFrom(envelope, dm('<@U0BOT> 跟进 L-1 “电话 有意向”'))).toMatchObject({
      command: 'followup',
      args: ['L-1', '电话 有意向'],
      eventId: 'slack:Ev1',
      user: { platform: 'slack', workspaceId: 'T1', userId: 'U1' },
    });
  });

  // Issue #12: other text is a text event (the answer to a question the bot asked), no longer a command named by
  // its first word; with no question waiting the registry still answers "unknown command".
  it('dispatches other text as plain text, without the leading mention', () => {
    expect(dmEventFrom(envelope, dm('<@U0BOT> hello there'))).toEqual({
      type: 'text',
      eventId: 'slack:Ev1',
      user: { platform: 'slack', workspaceId: 'T1', userId: 'U1' },
      text: 'hello there',
    });
    expect(dmEventFrom(envelope, dm('   '))).toBeUndefined();
  });
});

describe('isUserDm', () => {
  it('keeps a person’s DM and drops bot posts, other subtypes and channels', () => {
    expect(isUserDm(dm('hi'))).toBe(true);
    expect(isUserDm(dm('hi', { bot_id: 'B1' }))).toBe(false);
    expect(isUserDm(dm('hi', { channel_type: 'channel' }))).toBe(false);
    const edited = { ...dm('hi'), subtype: 'message_changed' } as unknown as types.MessageEvent;
    expect(isUserDm(edited)).toBe(false);
  });
});

describe('plainSlackText', () => {
  it('turns Slack’s wire format back into what was typed', () => {
    expect(plainSlackText('<@U1|wang> a &lt;b&gt; &amp; <https://x.cn|x.cn> <#C1|sales> <!here>')).toBe(
      '@wang a <b> & x.cn #sales @here',
    );
  });
});

describe('commandEventFrom and actionEventFrom', () => {
  it('names a slash command without its slash, with trigger_id as its id', () => {
    const command = { command: '/Lead', text: 'L-1', trigger_id: 'tr1', team_id: 'T1', user_id: 'U1' };
    expect(commandEventFrom(command as SlashCommand)).toEqual({
      type: 'command',
      eventId: 'slack:command:tr1',
      user: { platform: 'slack', workspaceId: 'T1', userId: 'U1' },
      command: 'lead',
      args: ['L-1'],
      rawText: '/Lead L-1',
      // Issue #12: the trigger_id also lets the handler ask for a modal.
      formTrigger: 'tr1',
    });
  });

  it('maps a click on a Home tab button (no message) and ignores non-button actions', () => {
    const body = {
      user: { id: 'U1', team_id: 'T1' },
      team: null,
      container: { type: 'view', view_id: 'V1' },
    } as unknown as BlockAction;
    const button = { type: 'button', action_id: 'lead.approve#2', value: 'L-1:m2', action_ts: '9.9' };
    expect(actionEventFrom(body, button as BlockElementAction)).toEqual({
      type: 'action',
      eventId: 'slack:V1:lead.approve#2:U1:9.9',
      user: { platform: 'slack', workspaceId: 'T1', userId: 'U1' },
      actionId: 'lead.approve',
      value: 'L-1:m2',
    });
    const select = { type: 'static_select', action_id: 'x', action_ts: '1' } as BlockElementAction;
    expect(actionEventFrom(body, select)).toBeUndefined();
  });
});

describe('homeCommandEventFrom', () => {
  const opened = { user: 'U1', event_ts: '1718000200.000300' };

  it('asks for /lead with no arguments, keyed by the open’s event_ts', () => {
    expect(homeCommandEventFrom(envelope, opened)).toEqual({
      type: 'command',
      command: 'lead',
      args: [],
      rawText: '/lead',
      eventId: 'slack:home:U1:1718000200.000300',
      user: { platform: 'slack', workspaceId: 'T1', userId: 'U1' },
    });
  });

  it('falls back to the envelope’s event_id without an event_ts', () => {
    expect(homeCommandEventFrom(envelope, { user: 'U1' }).eventId).toBe('slack:home:U1:Ev1');
    expect(homeCommandEventFrom(envelope, { ...opened, event_ts: '' }).eventId).toBe('slack:home:U1:Ev1');
  });
});
