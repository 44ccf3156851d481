import { DWClient, type DWClientDownStream, EventAck, TOPIC_CARD, TOPIC_ROBOT } from 'dingtalk-stream';
import type { ChatEvent } from '../../chat/events.js';
import { type DingtalkInboundDeps, handleDingtalkEvent } from './dingtalk-inbound.js';
import type { DingtalkSettings } from './dingtalk-settings.js';
import { parseCardCallback, parseRobotMessage } from './parse-dingtalk-events.js';

// The only file that imports the `dingtalk-stream` SDK: the rest of the adapter does not depend on it.
// SDK: https://github.com/open-dingtalk/dingtalk-stream-sdk-nodejs
// Doc: https://open.dingtalk.com/document/orgapp/develop-stream-mode-push-server

/** The part of the SDK client we use (DWClient has it); tests hand in a stand-in. */
export interface StreamClient {
  registerCallbackListener(topic: string, callback: (push: DWClientDownStream) => void): unknown;
  socketCallBackResponse(messageId: string, result: unknown): void;
  connect(): Promise<void>;
  disconnect(): void;
}

export type DingtalkStreamDeps = DingtalkInboundDeps & {
  readonly createClient?: (settings: DingtalkSettings) => StreamClient;
};

export type DingtalkStream = { stop(): Promise<void> };

/**
 * Stream mode: one outbound WebSocket to DingTalk carries robot messages and card clicks, so no public URL is
 * needed. Each push is acknowledged at once (unacknowledged pushes come again after about 60 s), then handled
 * like its HTTP twin. The SDK connects and reconnects on its own; this resolves once the first attempt is made.
 */
export async function startDingtalkStream(
  settings: DingtalkSettings,
  deps: DingtalkStreamDeps,
): Promise<DingtalkStream> {
  const client =
    deps.createClient?.(settings) ??
    new DWClient({ clientId: settings.clientId, clientSecret: settings.clientSecret, keepAlive: true });

  // Listeners run inside the SDK's socket handler: a throw there would take the process down, so none escapes.
  const listen = (
    topic: string,
    ack: unknown,
    toEvent: (data: unknown, id: string) => ChatEvent | undefined,
  ) => {
    client.registerCallbackListener(topic, (push: DWClientDownStream) => {
      const messageId = push?.headers?.messageId;
      try {
        client.socketCallBackResponse(messageId, ack);
        const event = toEvent(parseJson(push.data), messageId);
        if (!event) {
          deps.log.warn({ platform: 'dingtalk', topic, messageId }, 'dingtalk push ignored');
          return;
        }
        handleDingtalkEvent(deps, event);
      } catch (error) {
        deps.log.error({ err: error, platform: 'dingtalk', topic, messageId }, 'dingtalk push failed');
      }
    });
  };
  // A robot message wants a plain SUCCESS; a card callback's answer is a card update, and an empty one changes
  // nothing (the handler's update follows through the outbox).
  listen(TOPIC_ROBOT, EventAck.SUCCESS, (data) => parseRobotMessage(data, deps.workspaceId));
  listen(TOPIC_CARD, {}, (data, id) => parseCardCallback(data, deps.workspaceId, id));
  await client.connect();

  return {
    async stop() {
      // The SDK's retry timer calls connect() again even after disconnect(); make that a no-op first.
      Object.assign(client, { connect: async () => {} });
      client.disconnect();
    },
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
