import { describe, expect, it } from 'vitest';
import { readEncrypted, toInbound } from '../../../src/adapters/wecom/parse-wecom-events.js';
import cardClick from '../../fixtures/wecom/card-click.json' with { type: 'json' };
import textCommand from '../../fixtures/wecom/text-command.json' with { type: 'json' };
import { VECTOR_B, VECTOR_D } from '../../fixtures/wecom/vector-keys.js';

const CORP = 'ww1436e0e65a779aee';
const wangFang = { platform: 'wecom', workspaceId: CORP, userId: 'WangFang' };

describe('toInbound', () => {
  it('turns the "/线索 L-12" fixture into the lead command, deduped on MsgId', () => {
    expect(toInbound(textCommand.plaintext, CORP)).toEqual({
      kind: 'event',
      event: {
        type: 'command',
        eventId: 'wecom:7380012345678901234',
        user: wangFang,
        command: 'lead',
        args: ['L-12'],
        rawText: '/线索 L-12',
      },
    });
  });

  it('keeps all 19 digits of a MsgId (vector D), which a JS number would round', () => {
    const inbound = toInbound(VECTOR_D.expectedPlaintext, 'wx5823bf96d3bd56c7');
    expect(inbound.kind === 'event' && inbound.event.eventId).toBe('wecom:4561255354251345929');
  });

  // Issue #12: other text is plain text (a guided exchange's answer); the registry words "unknown command" if none.
  it('passes other text on as plain text, for the registry to answer in the member’s language', () => {
    const inbound = toInbound(VECTOR_B.expectedPlaintext, CORP);
    expect(inbound).toMatchObject({ kind: 'event', event: { type: 'text', text: '你好' } });
  });

  it('turns the click fixture into an action on the card’s task, with its response code', () => {
    expect(toInbound(cardClick.plaintext, CORP)).toEqual({
      kind: 'event',
      event: {
        type: 'action',
        eventId: 'wecom:WangFang:1718000120:lead.claim|L-12',
        user: wangFang,
        actionId: 'lead.claim',
        value: 'L-12',
        messageRef: 'lr_06f343350e7fd8b28a4df538c6d324b8',
      },
      responseCode: { taskId: 'lr_06f343350e7fd8b28a4df538c6d324b8', code: 'RC-click-7f3a9e' },
    });
  });

  it('splits the EventKey on the first "|" only, so a value may contain one', () => {
    const xml = cardClick.plaintext.replace('lead.claim|L-12', 'note.add|L-12|晚点再打');
    expect(toInbound(xml, CORP)).toMatchObject({ event: { actionId: 'note.add', value: 'L-12|晚点再打' } });
  });

  it('ignores images, entering the app, and blank text', () => {
    const image =
      '<xml><FromUserName>WangFang</FromUserName><CreateTime>1</CreateTime><MsgType>image</MsgType><MsgId>5</MsgId></xml>';
    const enter =
      '<xml><FromUserName>WangFang</FromUserName><CreateTime>1</CreateTime><MsgType>event</MsgType><Event>enter_agent</Event></xml>';
    const blank = textCommand.plaintext.replace('/线索 L-12', '   ');
    for (const xml of [image, enter, blank, 'not xml <<<'])
      expect(toInbound(xml, CORP)).toEqual({ kind: 'ignored' });
  });
});

describe('readEncrypted', () => {
  it('reads the ciphertext from the envelope and nothing from anything else', () => {
    expect(readEncrypted(textCommand.body)).toMatch(/^[A-Za-z0-9+/=]+$/);
    expect(readEncrypted('')).toBeUndefined();
    expect(readEncrypted('{"Encrypt":"x"}')).toBeUndefined();
    expect(readEncrypted('<xml><ToUserName>a</ToUserName></xml>')).toBeUndefined();
  });
});
