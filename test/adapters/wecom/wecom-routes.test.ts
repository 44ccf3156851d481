import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { readEncrypted } from '../../../src/adapters/wecom/parse-wecom-events.js';
import { inMemoryResponseCodes } from '../../../src/adapters/wecom/response-code-store.js';
import { taskIdFor } from '../../../src/adapters/wecom/task-id.js';
import { wecomAdapter } from '../../../src/adapters/wecom/wecom-adapter.js';
import { signEncrypted } from '../../../src/adapters/wecom/wecom-crypto.js';
import {
  WECOM_CALLBACK_PATH,
  type WecomRouteDeps,
  wecomRoutes,
} from '../../../src/adapters/wecom/wecom-routes.js';
import { backgroundWork } from '../../../src/chat/background-work.js';
import type { ActionEvent, CommandEvent } from '../../../src/chat/events.js';
import { type DispatchResult, Registry } from '../../../src/chat/registry.js';
import { fixedClock } from '../../../src/core/shared/clock.js';
import { createHttpApp } from '../../../src/http/create-http-app.js';
import {
  FakeMemberRepository,
  FakeOrgRepository,
  FakeTeamRepository,
  makeMember,
  makeOrg,
} from '../../core/fakes.js';
import cardClick from '../../fixtures/wecom/card-click.json' with { type: 'json' };
import textCommand from '../../fixtures/wecom/text-command.json' with { type: 'json' };
import urlCheck from '../../fixtures/wecom/url-check.json' with { type: 'json' };
import { VECTOR_A, VECTOR_A_KEYS } from '../../fixtures/wecom/vector-keys.js';
import { useTestModels } from '../support/real-stores.js';
import { FakeWecomApi, testSettings } from './fake-wecom-api.js';

type LogFn = (obj: object, msg: string) => void;
const fake = new FakeWecomApi();
const servers: Server[] = [];
const { seenSignatures, inboundEvents } = useTestModels();
/** The fixtures are signed at 1718000000–1718000120 (June 2024); vector A's callback a decade earlier. */
const FIXTURES_AT = new Date(1718000130_000);
const signatureClock = fixedClock(FIXTURES_AT);

beforeAll(async () => {
  await fake.start();
});
afterAll(async () => {
  await fake.stop();
});
afterEach(async () => {
  signatureClock.set(FIXTURES_AT);
  fake.reset();
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

/** The real HTTP app with the WeCom router mounted, the callback path excluded from body parsing as in production. */
async function start(options: { registry?: WecomRouteDeps['registry']; corpId?: string } = {}) {
  const settings = {
    ...testSettings(fake.url),
    ...(options.corpId ? { WECOM_CORP_ID: options.corpId } : {}),
  };
  const responseCodes = inMemoryResponseCodes();
  const adapter = wecomAdapter(settings, { responseCodes });
  const org = makeOrg({ chat: { platform: 'wecom', workspaceId: VECTOR_A_KEYS.corpId } });
  const member = makeMember('wf', { identities: [{ platform: 'wecom', userId: 'WangFang' }] });
  const log = { warn: vi.fn<LogFn>(), error: vi.fn<LogFn>() };
  const onLead = vi.fn(async (_ctx: unknown, _event: CommandEvent) => ({
    replies: [{ text: '线索 L-12：张伟' }],
  }));
  const onClaim = vi.fn(async (_ctx: unknown, _event: ActionEvent) => ({
    replies: [{ text: '已领取 L-12' }],
  }));
  const realRegistry = new Registry({
    teams: new FakeTeamRepository(),
    orgs: new FakeOrgRepository([org]),
    members: new FakeMemberRepository([member]),
    log,
  })
    .onCommand('lead', onLead)
    .onAction('lead.claim', onClaim);
  const tasks = backgroundWork(() => {});
  const router = wecomRoutes(settings, {
    registry: options.registry ?? realRegistry,
    adapter,
    responseCodes,
    workspaceId: org.id,
    log,
    signatureClock,
    seenSignatures,
    background: tasks,
    inboundEvents: inboundEvents(),
  });
  const app = createHttpApp({
    log: pino({ level: 'silent' }),
    bodyLimit: '1mb',
    routers: [router],
    rawBodyPaths: [WECOM_CALLBACK_PATH],
  });
  const server = app.listen(0, '127.0.0.1');
  servers.push(server);
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}${WECOM_CALLBACK_PATH}`;
  const call = async (method: 'GET' | 'POST', query: Record<string, string>, body?: string) => {
    const response = await fetch(`${base}?${new URLSearchParams(query)}`, {
      method,
      // Well inside the test's timeout: an answer that waits for the handler fails here, and fast.
      signal: AbortSignal.timeout(4000),
      ...(body !== undefined ? { body, headers: { 'content-type': 'text/xml' } } : {}),
    });
    return {
      status: response.status,
      text: await response.text(),
      type: response.headers.get('content-type'),
    };
  };
  /** Waits for the work done after each acknowledgement. */
  const settled = async () => {
    await tasks.idle();
  };
  return { call, base, settled, adapter, responseCodes, log, onLead, onClaim };
}

const tampered = (signature: string) => `${signature.slice(0, -1)}${signature.endsWith('0') ? '1' : '0'}`;

describe('GET /wecom/callback (URL verification)', () => {
  it('answers the decrypted echostr of the fixture as plain text', async () => {
    const { call } = await start();
    const res = await call('GET', urlCheck.query);
    expect(res).toMatchObject({ status: 200, text: urlCheck.expectedPlaintext });
    expect(res.type).toMatch(/^text\/plain/);
  });

  it('answers official vector A, even with its "+" sent unescaped', async () => {
    const { call, base } = await start();
    // Vector A is from 2016: it passes only on a clock injected at its time.
    signatureClock.set(new Date(Number(VECTOR_A.timestamp) * 1000 + 1000));
    const query = {
      msg_signature: VECTOR_A.msgSignature,
      timestamp: VECTOR_A.timestamp,
      nonce: VECTOR_A.nonce,
    };
    expect(await call('GET', { ...query, echostr: VECTOR_A.echostr })).toMatchObject({
      status: 200,
      text: VECTOR_A.expectedPlaintext,
    });
    // WeCom's own samples build this URL by hand; a "+" left as is reaches us as a space.
    const raw = await fetch(
      `${base}?msg_signature=${query.msg_signature}&timestamp=${query.timestamp}&nonce=${query.nonce}&echostr=${VECTOR_A.echostr}`,
    );
    expect(await raw.text()).toBe(VECTOR_A.expectedPlaintext);
  });

  it('answers 401 with an empty body to a bad signature', async () => {
    const { call } = await start();
    const res = await call('GET', {
      ...urlCheck.query,
      msg_signature: tampered(urlCheck.query.msg_signature),
    });
    expect(res).toMatchObject({ status: 401, text: '' });
  });
});

describe('POST /wecom/callback: window and replays', () => {
  it('answers 401 to a timestamp more than five minutes old or more than a minute ahead', async () => {
    const { call, settled, onLead } = await start();
    signatureClock.set(new Date(Number(textCommand.query.timestamp) * 1000 + 5 * 60_000 + 1000));
    expect((await call('POST', textCommand.query, textCommand.body)).status).toBe(401);
    signatureClock.set(new Date(Number(textCommand.query.timestamp) * 1000 - 61_000));
    expect((await call('POST', textCommand.query, textCommand.body)).status).toBe(401);
    signatureClock.set(new Date(Number(urlCheck.query.timestamp) * 1000 + 6 * 60_000));
    expect((await call('GET', urlCheck.query)).status).toBe(401);
    await settled();
    expect(onLead).not.toHaveBeenCalled();
  });

  it('refuses a (timestamp, nonce) pair already accepted for another body, even correctly signed', async () => {
    const { call, settled, onLead, onClaim } = await start();
    const query = { timestamp: '1718000125', nonce: '9911' };
    const sign = (body: string) => ({
      ...query,
      msg_signature: signEncrypted(
        VECTOR_A_KEYS.token,
        query.timestamp,
        query.nonce,
        readEncrypted(body) ?? '',
      ),
    });
    expect((await call('POST', sign(textCommand.body), textCommand.body)).status).toBe(200);
    expect((await call('POST', sign(cardClick.body), cardClick.body)).status).toBe(401);
    await settled();
    expect(onLead).toHaveBeenCalledTimes(1);
    expect(onClaim).not.toHaveBeenCalled();
  });
});

describe('POST /wecom/callback', () => {
  it('acknowledges the "/线索" fixture at once, then dispatches the command and DMs the reply', async () => {
    const { call, settled, onLead } = await start();
    expect(await call('POST', textCommand.query, textCommand.body)).toMatchObject({ status: 200, text: '' });
    await settled();
    expect(onLead).toHaveBeenCalledTimes(1);
    expect(onLead.mock.calls[0]?.[1]).toEqual({
      type: 'command',
      eventId: 'wecom:7380012345678901234',
      user: { platform: 'wecom', workspaceId: VECTOR_A_KEYS.corpId, userId: 'WangFang' },
      command: 'lead',
      args: ['L-12'],
      rawText: '/线索 L-12',
    });
    expect(fake.callsTo('/cgi-bin/message/send').map((c) => c.body)).toEqual([
      { touser: 'WangFang', msgtype: 'text', agentid: 1000002, text: { content: '线索 L-12：张伟' } },
    ]);
  });

  it('sends a card, takes the click, and updates the card with the click’s response_code', async () => {
    const { call, settled, adapter, onClaim } = await start();
    const card = {
      title: '新线索：张伟',
      fields: [],
      buttons: [{ actionId: 'lead.claim', label: '领取', value: 'L-12', style: 'primary' as const }],
    };
    const dm = { kind: 'dm', userId: 'WangFang' } as const;
    const { messageRef } = await adapter.send('org-1', dm, { card }, cardClick.idempotencyKey);
    expect(messageRef).toBe(taskIdFor(cardClick.idempotencyKey));

    expect(await call('POST', cardClick.query, cardClick.body)).toMatchObject({ status: 200, text: '' });
    await settled();
    expect(onClaim.mock.calls[0]?.[1]).toEqual({
      type: 'action',
      eventId: 'wecom:WangFang:1718000120:lead.claim|L-12',
      user: { platform: 'wecom', workspaceId: VECTOR_A_KEYS.corpId, userId: 'WangFang' },
      actionId: 'lead.claim',
      value: 'L-12',
      messageRef,
    });

    // What the outbox does next with the handler's card change:
    await adapter.update('org-1', dm, messageRef, { card: { ...card, status: '王芳已领取', buttons: [] } });
    expect(fake.callsTo('/cgi-bin/message/update_template_card').map((c) => c.body)).toEqual([
      {
        userids: ['WangFang'],
        agentid: 1000002,
        response_code: 'RC-click-7f3a9e',
        button: { replace_name: '王芳已领取' },
      },
    ]);
  });

  it('processes a retried click once: the handler runs and the reply is sent one time', async () => {
    const { call, settled, onClaim } = await start();
    expect((await call('POST', cardClick.query, cardClick.body)).status).toBe(200);
    expect((await call('POST', cardClick.query, cardClick.body)).status).toBe(200);
    await settled();
    expect(onClaim).toHaveBeenCalledTimes(1);
    expect(fake.callsTo('/cgi-bin/message/send')).toHaveLength(1);
  });

  it('handles a retried click again when its handler crashed the first time, then no more', async () => {
    const { call, settled, onClaim } = await start();
    onClaim.mockRejectedValueOnce(new Error('crashed once'));
    for (let i = 0; i < 3; i++) {
      expect((await call('POST', cardClick.query, cardClick.body)).status).toBe(200);
      await settled();
    }
    expect(onClaim).toHaveBeenCalledTimes(2);
    // The crashed attempt's apology, then the real answer.
    const texts = fake
      .callsTo('/cgi-bin/message/send')
      .map((c) => (c.body as { text?: { content?: string } }).text?.content);
    expect(texts).toEqual([expect.stringMatching(/.+/), '已领取 L-12']);
  });

  it('answers 401 to a tampered signature and neither dispatches nor stores anything', async () => {
    const { call, settled, onClaim, responseCodes } = await start();
    const query = { ...cardClick.query, msg_signature: tampered(cardClick.query.msg_signature) };
    expect(await call('POST', query, cardClick.body)).toMatchObject({ status: 401, text: '' });
    await settled();
    expect(onClaim).not.toHaveBeenCalled();
    expect(await responseCodes.take(taskIdFor(cardClick.idempotencyKey))).toBeUndefined();
  });

  it('answers 401 without the signature parameters, 400 to a body that is not a callback, 413 to a huge one', async () => {
    const { call } = await start();
    expect((await call('POST', {}, cardClick.body)).status).toBe(401);
    expect((await call('POST', cardClick.query, '{"Encrypt":"x"}')).status).toBe(400);
    expect(
      (await call('POST', cardClick.query, `<xml><Encrypt>${'A'.repeat(70_000)}</Encrypt></xml>`)).status,
    ).toBe(413);
  });

  it('answers 400 and logs which settings to check when a signed payload was encrypted for another corp', async () => {
    const { call, log, onLead } = await start({ corpId: 'ww0000000000000000' });
    expect((await call('POST', textCommand.query, textCommand.body)).status).toBe(400);
    expect(log.warn).toHaveBeenCalledWith(
      expect.objectContaining({
        err: expect.objectContaining({ message: expect.stringContaining('WECOM_CORP_ID') }),
      }),
      'WeCom callback signed correctly but not decryptable',
    );
    expect(onLead).not.toHaveBeenCalled();
  });

  it('answers before the handler finishes (WeCom retries after 5 s)', async () => {
    let release = () => {};
    const slow = {
      dispatch: vi.fn(
        () => new Promise<DispatchResult>((resolve) => (release = () => resolve({ ok: true, replies: [] }))),
      ),
    };
    const { call, settled } = await start({ registry: slow });
    expect((await call('POST', textCommand.query, textCommand.body)).status).toBe(200);
    // Dispatched after the answer, once the event ledger recorded the start (a database write away).
    await vi.waitFor(() => expect(slow.dispatch).toHaveBeenCalledTimes(1));
    release();
    await settled();
  });

  it('still answers 200 when handling fails, and logs the error with the event id', async () => {
    const failing = { dispatch: vi.fn(async () => Promise.reject(new Error('handler bug'))) };
    const { call, settled, log } = await start({ registry: failing });
    expect((await call('POST', textCommand.query, textCommand.body)).status).toBe(200);
    await settled();
    expect(failing.dispatch).toHaveBeenCalledTimes(1);
    expect(log.error).toHaveBeenCalledWith(
      expect.objectContaining({ platform: 'wecom', eventId: 'wecom:7380012345678901234' }),
      'chat event handling failed',
    );
  });
});
