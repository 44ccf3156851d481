import type { DWClientDownStream } from 'dingtalk-stream';
import { beforeEach, describe, expect, it, type Mock, vi } from 'vitest';
import { type StreamClient, startDingtalkStream } from '../../../src/adapters/dingtalk/dingtalk-stream.js';
import { type BackgroundWork, backgroundWork } from '../../../src/chat/background-work.js';
import type { ChatAdapter } from '../../../src/chat/chat-adapter.js';
import type { ChatEvent } from '../../../src/chat/events.js';
import type { DispatchResult } from '../../../src/chat/registry.js';
import { useTestModels } from '../support/real-stores.js';
import { fixture, testSettings } from './dingtalk-test-support.js';

const WS = 'dingc7d9f3a2b1e4c5d6';

/** Stands in for the SDK's DWClient: records listeners, acks and the connection calls. */
class FakeStreamClient implements StreamClient {
  readonly listeners = new Map<string, (push: DWClientDownStream) => void>();
  readonly acks: { messageId: string; result: unknown }[] = [];
  connects = 0;
  disconnects = 0;
  registerCallbackListener(topic: string, callback: (push: DWClientDownStream) => void) {
    this.listeners.set(topic, callback);
    return this;
  }
  socketCallBackResponse(messageId: string, result: unknown) {
    this.acks.push({ messageId, result });
  }
  async connect() {
    this.connects++;
  }
  disconnect() {
    this.disconnects++;
  }
  push(topic: string, frame: DWClientDownStream) {
    const listener = this.listeners.get(topic);
    if (!listener) throw new Error(`nothing listens to ${topic}`);
    listener(frame);
  }
}

type LogFn = (obj: object, msg: string) => void;
let client: FakeStreamClient;
let dispatched: ChatEvent[];
let release: (result: DispatchResult) => void;
let sends: Mock<ChatAdapter['send']>;
let log: { warn: Mock<LogFn>; error: Mock<LogFn> };
let work: BackgroundWork;
const { inboundEvents } = useTestModels();

async function start() {
  return startDingtalkStream(testSettings(), {
    createClient: () => client,
    registry: {
      dispatch: (event) => {
        dispatched.push(event);
        return new Promise<DispatchResult>((resolve) => (release = resolve));
      },
    },
    adapter: { platform: 'dingtalk', pacing: { perConversationMs: 3000 }, send: sends, update: vi.fn() },
    workspaceId: WS,
    log,
    background: work,
    inboundEvents: inboundEvents(),
  });
}

beforeEach(() => {
  client = new FakeStreamClient();
  dispatched = [];
  work = backgroundWork(() => {});
  sends = vi.fn<ChatAdapter['send']>(async () => ({ messageRef: 'm' }));
  log = { warn: vi.fn<LogFn>(), error: vi.fn<LogFn>() };
});

describe('startDingtalkStream', () => {
  it('subscribes to robot messages and card callbacks, then connects', async () => {
    await start();
    expect([...client.listeners.keys()]).toEqual([
      '/v1.0/im/bot/messages/get',
      '/v1.0/card/instances/callback',
    ]);
    expect(client.connects).toBe(1);
  });

  it('acks a robot message before the handler finishes, then dispatches it like HTTP mode', async () => {
    await start();
    client.push('/v1.0/im/bot/messages/get', fixture('stream-robot-push.json'));
    expect(client.acks).toEqual([{ messageId: 'spring-0a1b2c3d-robot-7731', result: 'SUCCESS' }]);
    // Dispatched once the event ledger has recorded the start (a database write away).
    await vi.waitFor(() =>
      expect(dispatched).toMatchObject([
        { type: 'command', command: 'lead', eventId: 'dingtalk:msgB5tJ8w2Zq0nV7kR4xYpLd9A==' },
      ]),
    );
    release({ ok: true, replies: [{ text: '好的' }] });
    await work.idle();
    expect(sends).toHaveBeenCalledWith(
      WS,
      { kind: 'dm', userId: 'manager4220' },
      { text: '好的' },
      'dingtalk:msgB5tJ8w2Zq0nV7kR4xYpLd9A==:reply:0',
    );
  });

  it('acks a card click with an empty card answer and dispatches the ActionEvent', async () => {
    await start();
    client.push('/v1.0/card/instances/callback', fixture('stream-card-push.json'));
    expect(client.acks).toEqual([{ messageId: 'spring-0a1b2c3d-card-7732', result: {} }]);
    await vi.waitFor(() => expect(dispatched).toHaveLength(1));
    expect(dispatched).toMatchObject([
      {
        type: 'action',
        actionId: 'lead.claim',
        value: 'L-12',
        messageRef: 'lr_53d6dda444c74f5f17bf4534333c1a46f690b4dd',
        eventId: expect.stringMatching(/^dingtalk:card:9c1e04d2b7aa:/),
      },
    ]);
  });

  it('acks and ignores a push it cannot read, without throwing into the SDK', async () => {
    await start();
    const frame = { ...fixture('stream-card-push.json'), data: '{broken' };
    expect(() => client.push('/v1.0/card/instances/callback', frame)).not.toThrow();
    expect(() => client.push('/v1.0/im/bot/messages/get', {} as DWClientDownStream)).not.toThrow();
    expect(client.acks).toHaveLength(2);
    expect(dispatched).toEqual([]);
    expect(log.warn).toHaveBeenCalledWith(
      expect.objectContaining({ platform: 'dingtalk' }),
      'dingtalk push ignored',
    );
  });

  it('stops: disconnects, and a pending SDK reconnect no longer connects', async () => {
    const stream = await start();
    await stream.stop();
    expect(client.disconnects).toBe(1);
    await client.connect();
    expect(client.connects).toBe(1);
  });
});
