import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { inMemoryResponseCodes } from '../../../src/adapters/wecom/response-code-store.js';
import { taskIdFor } from '../../../src/adapters/wecom/task-id.js';
import { wecomAdapter } from '../../../src/adapters/wecom/wecom-adapter.js';
import type { Card } from '../../../src/chat/card.js';
import { TransientDeliveryError } from '../../../src/chat/chat-adapter.js';
import { fixedClock } from '../../../src/core/shared/clock.js';
import { FakeWecomApi, testSettings } from './fake-wecom-api.js';

const fake = new FakeWecomApi();
const dm = { kind: 'dm', userId: 'WangFang' } as const;
const card: Card = {
  title: '新线索：张伟',
  status: '待领取',
  fields: [{ label: '地区', value: '上海' }],
  buttons: [
    { actionId: 'lead.claim', label: '领取', value: 'L-12', style: 'primary' },
    { actionId: 'lead.release', label: '放回公海', value: 'L-12', style: 'danger' },
  ],
};

beforeAll(async () => {
  await fake.start();
});
afterAll(async () => {
  await fake.stop();
});
beforeEach(() => fake.reset());

function setup() {
  const clock = fixedClock(new Date('2025-06-01T08:00:00Z'));
  const responseCodes = inMemoryResponseCodes(() => clock.now());
  const adapter = wecomAdapter(testSettings(fake.url), { responseCodes, fetch, clock });
  return { adapter, responseCodes, clock };
}

describe('wecomAdapter', () => {
  it('is the wecom platform, pacing one message per 2 s per conversation', () => {
    const { adapter } = setup();
    expect(adapter.platform).toBe('wecom');
    expect(adapter.pacing).toEqual({ perConversationMs: 2000 });
  });

  it('sends a card to a DM as a template card whose task_id comes from the idempotency key', async () => {
    const { adapter, responseCodes } = setup();
    const sent = await adapter.send('org-1', dm, { card }, 'outbox:1');
    const taskId = taskIdFor('outbox:1');
    expect(taskId).toMatch(/^[a-zA-Z0-9_\-@]{1,128}$/);
    expect(sent).toEqual({ messageRef: taskId });
    expect(fake.callsTo('/cgi-bin/message/send')[0]?.body).toEqual({
      touser: 'WangFang',
      msgtype: 'template_card',
      agentid: 1000002,
      template_card: {
        card_type: 'button_interaction',
        main_title: { title: '新线索：张伟' },
        sub_title_text: '待领取',
        horizontal_content_list: [{ keyname: '地区', value: '上海' }],
        task_id: taskId,
        button_list: [
          { text: '领取', style: 1, key: 'lead.claim|L-12' },
          { text: '放回公海', style: 3, key: 'lead.release|L-12' },
        ],
      },
    });
    // The send's own response_code is kept, so the card can change before anyone clicks.
    expect(responseCodes.codes.get(taskId)?.code).toMatch(/^RC-send-/);
  });

  it('gives the same task_id for a retried send and different ones for different entries', async () => {
    const { adapter } = setup();
    const a = await adapter.send('org-1', dm, { card }, 'outbox:7');
    const b = await adapter.send('org-1', dm, { card }, 'outbox:7');
    const c = await adapter.send('org-1', dm, { card }, 'outbox:8');
    expect(a.messageRef).toBe(b.messageRef);
    expect(c.messageRef).not.toBe(a.messageRef);
  });

  it('sends plain text to a DM as a text app message', async () => {
    const { adapter } = setup();
    await adapter.send('org-1', dm, { text: '你好' }, 'outbox:2');
    expect(fake.callsTo('/cgi-bin/message/send')[0]?.body).toEqual({
      touser: 'WangFang',
      msgtype: 'text',
      agentid: 1000002,
      text: { content: '你好' },
    });
  });

  it('sends to a channel or thread through appchat: markdown for a card, text for text', async () => {
    const { adapter } = setup();
    await adapter.send('org-1', { kind: 'channel', channelId: 'wrTeamEast' }, { card }, 'outbox:3');
    await adapter.send(
      'org-1',
      { kind: 'thread', channelId: 'wrTeamEast', threadRef: 'x' },
      { text: '已批准' },
      'outbox:4',
    );
    expect(fake.callsTo('/cgi-bin/appchat/send').map((c) => c.body)).toEqual([
      {
        chatid: 'wrTeamEast',
        msgtype: 'markdown',
        markdown: { content: '**新线索：张伟**\n> 待领取\n地区：上海' },
      },
      { chatid: 'wrTeamEast', msgtype: 'text', text: { content: '已批准' } },
    ]);
    expect(fake.callsTo('/cgi-bin/message/send')).toHaveLength(0);
  });

  it('updates a card with the latest response_code (a click’s, saved after the send’s) and uses it once', async () => {
    const { adapter, responseCodes, clock } = setup();
    const { messageRef } = await adapter.send('org-1', dm, { card }, 'outbox:5');
    clock.advance(60_000);
    await responseCodes.save(messageRef, 'RC-click-1', clock.now());
    const claimed: Card = { ...card, status: '王芳已领取', buttons: [card.buttons[1]!] };
    await adapter.update('org-1', dm, messageRef, { card: claimed });
    expect(fake.callsTo('/cgi-bin/message/update_template_card')[0]?.body).toEqual({
      userids: ['WangFang'],
      agentid: 1000002,
      response_code: 'RC-click-1',
      template_card: {
        card_type: 'button_interaction',
        main_title: { title: '新线索：张伟' },
        sub_title_text: '王芳已领取',
        horizontal_content_list: [{ keyname: '地区', value: '上海' }],
        task_id: messageRef,
        button_list: [{ text: '放回公海', style: 3, key: 'lead.release|L-12' }],
      },
    });
    // The code is spent: a second update has nothing to use and calls nothing.
    await adapter.update('org-1', dm, messageRef, { card: claimed });
    expect(fake.callsTo('/cgi-bin/message/update_template_card')).toHaveLength(1);
  });

  it('greys out the buttons with the status when the new card has no buttons', async () => {
    const { adapter, responseCodes, clock } = setup();
    await responseCodes.save('lr_task', 'RC-9', clock.now());
    await adapter.update('org-1', dm, 'lr_task', { card: { ...card, status: '已被李雷领取', buttons: [] } });
    expect(fake.callsTo('/cgi-bin/message/update_template_card')[0]?.body).toEqual({
      userids: ['WangFang'],
      agentid: 1000002,
      response_code: 'RC-9',
      button: { replace_name: '已被李雷领取' },
    });
  });

  it('resolves without calling WeCom when there is no code (text message, group message, or spent)', async () => {
    const { adapter } = setup();
    await expect(adapter.update('org-1', dm, 'lr_unknown', { card })).resolves.toBeUndefined();
    expect(fake.calls).toHaveLength(0);
  });

  it('does not reuse a code WeCom refused (used or expired): the retry finds none and resolves', async () => {
    const { adapter, responseCodes, clock } = setup();
    await responseCodes.save('lr_task', 'RC-used', clock.now());
    fake.script('/cgi-bin/message/update_template_card', {
      json: { errcode: 40001001, errmsg: 'invalid response_code' },
    });
    const first = await adapter.update('org-1', dm, 'lr_task', { card }).catch((e: unknown) => e);
    expect(first).toBeInstanceOf(Error);
    expect(first).not.toBeInstanceOf(TransientDeliveryError);
    await expect(adapter.update('org-1', dm, 'lr_task', { card })).resolves.toBeUndefined();
    expect(fake.callsTo('/cgi-bin/message/update_template_card')).toHaveLength(1);
  });

  it('keeps the code after a transient failure so the outbox retry can still use it', async () => {
    const { adapter, responseCodes, clock } = setup();
    await responseCodes.save('lr_task', 'RC-keep', clock.now());
    fake.script('/cgi-bin/message/update_template_card', { status: 503 });
    await expect(adapter.update('org-1', dm, 'lr_task', { card })).rejects.toBeInstanceOf(
      TransientDeliveryError,
    );
    await adapter.update('org-1', dm, 'lr_task', { card });
    const codes = fake
      .callsTo('/cgi-bin/message/update_template_card')
      .map((c) => (c.body as { response_code: string }).response_code);
    expect(codes).toEqual(['RC-keep', 'RC-keep']);
  });

  it('forgets codes older than WeCom’s 72 hours', async () => {
    const { adapter, responseCodes, clock } = setup();
    await responseCodes.save('lr_task', 'RC-old', clock.now());
    clock.advance(72 * 3600_000);
    await adapter.update('org-1', dm, 'lr_task', { card });
    expect(fake.callsTo('/cgi-bin/message/update_template_card')).toHaveLength(0);
  });
});
