import type { Form, OutboundMessage } from '../../chat/card.js';
import { imagesOf } from '../../chat/card-images.js';
import type { ChatAdapter, PlatformTarget, SentRef } from '../../chat/chat-adapter.js';
import { type SlackBlock, toSlackMessage } from './render-slack-card.js';
import { toSlackModal } from './render-slack-modal.js';
import { callSlack } from './slack-errors.js';
import { postSlackFile, SLACK_FILE_MAX_BYTES, uploadSlackFile } from './slack-files.js';
import { uploadSlackImages } from './slack-images.js';
import type { SlackSettings } from './slack-settings.js';
import { createSlackWebClient, type SlackWebClient } from './slack-web-client.js';

/** The ChatAdapter port plus what only Slack has: the app's Home tab, and forms as modals. */
export type SlackAdapter = ChatAdapter & {
  publishHome(userId: string, blocks: readonly SlackBlock[]): Promise<void>;
  /** Opens a form as a modal; `triggerId` came with the click or command and is valid for 3 s. */
  openForm(triggerId: string, form: Form): Promise<void>;
};

export type SlackAdapterDeps = {
  readonly client?: SlackWebClient;
  /** For the image uploads' POST to the URL Slack gives (tests point it at the fake). */
  readonly fetch?: typeof fetch;
};

/** Marks our posts so a resend can be recognised: see `send`. */
export const OUTBOX_METADATA_EVENT = 'leadrelay_outbox';

/**
 * Slack for one workspace (one bot token): `workspaceId` (the team id) is not needed to route calls. A workspace per
 * org through OAuth installs is not built yet.
 */
export function slackAdapter(settings: SlackSettings, deps: SlackAdapterDeps = {}): SlackAdapter {
  const client = deps.client ?? createSlackWebClient(settings);
  // A user's DM channel never changes, so one conversations.open per user per process is enough.
  const dmChannels = new Map<string, string>();

  async function dmChannel(userId: string): Promise<string> {
    const cached = dmChannels.get(userId);
    if (cached) return cached;
    // https://docs.slack.dev/reference/methods/conversations.open
    const opened = await callSlack('conversations.open', () => client.conversations.open({ users: userId }));
    const channel = opened.channel?.id;
    if (!channel) throw new Error(`slack conversations.open returned no channel for ${userId}`);
    dmChannels.set(userId, channel);
    return channel;
  }

  async function where(target: PlatformTarget): Promise<{ channel: string; threadTs?: string }> {
    switch (target.kind) {
      case 'dm':
        return { channel: await dmChannel(target.userId) };
      case 'channel':
        return { channel: target.channelId };
      case 'thread':
        return { channel: target.channelId, threadTs: threadTsOf(target.threadRef) };
    }
  }

  return {
    platform: 'slack',
    // chat.postMessage allows about one message per second per channel; a little over keeps us under it.
    pacing: { perConversationMs: 1100 },

    async send(_workspaceId, target, message, idempotencyKey): Promise<SentRef> {
      const { channel, threadTs } = await where(target);
      if (message.file && message.attachment) {
        // A file message in one go (the outbox uses `files`, which keeps the upload between tries).
        const fileId = await uploadSlackFile(client, message.file, message.attachment, deps.fetch);
        const posted = await postSlackFile(client, channel, fileId, message.file, message.text, {
          retry: false,
          ...(threadTs ? { threadTs } : {}),
        });
        return { messageRef: `file:${posted}` };
      }
      // Uploaded first: a failed upload throws before anything is posted, and the outbox retries the whole send.
      const images = await uploadSlackImages(client, imagesOf(message), deps.fetch);
      // Slack has no idempotency key for chat.postMessage: a retry after a lost response posts twice. The key rides
      // along as message metadata, so a duplicate can be recognised later (conversations.history with
      // include_all_metadata); nothing looks it up automatically yet.
      // https://docs.slack.dev/reference/methods/chat.postMessage , https://docs.slack.dev/messaging/message-metadata
      const posted = await callSlack('chat.postMessage', () =>
        client.chat.postMessage({
          channel,
          // Group mentions resolved by the outbox: `<@U…>` in the text notifies those users.
          // https://docs.slack.dev/messaging/formatting-message-text#mentioning-users
          ...toSlackMessage(message, message.mentionUserIds, images),
          ...(threadTs ? { thread_ts: threadTs } : {}),
          metadata: { event_type: OUTBOX_METADATA_EVENT, event_payload: { key: idempotencyKey } },
          // Cards carry their own links; previews would push the buttons off screen.
          unfurl_links: false,
          unfurl_media: false,
        }),
      );
      if (!posted.channel || !posted.ts) throw new Error('slack chat.postMessage returned no channel/ts');
      return { messageRef: messageRefOf(posted.channel, posted.ts), threadRef: threadTs ?? posted.ts };
    },

    files: {
      maxBytes: SLACK_FILE_MAX_BYTES,
      upload: (_workspaceId, file, bytes) => uploadSlackFile(client, file, bytes, deps.fetch),
      async post(_workspaceId, target, fileId, message, retry) {
        // Shared into the conversation by the upload's completion, the text its comment (a file message is never
        // updated; the message's ts is not in the answer, so the file id is the reference).
        const { channel, threadTs } = await where(target);
        const file = message.file;
        if (!file) throw new Error('slack: a file post needs the message file');
        await postSlackFile(client, channel, fileId, file, message.text, {
          retry,
          ...(threadTs ? { threadTs } : {}),
        });
        return { messageRef: `file:${fileId}` };
      },
    },

    async update(_workspaceId, _target, messageRef, message: OutboundMessage): Promise<void> {
      const { channel, ts } = parseMessageRef(messageRef);
      // The new rendition's charts are new pictures: uploaded again, like at send.
      const images = await uploadSlackImages(client, imagesOf(message), deps.fetch);
      // https://docs.slack.dev/reference/methods/chat.update
      await callSlack('chat.update', () =>
        client.chat.update({ channel, ts, ...toSlackMessage(message, [], images) }),
      );
    },

    async publishHome(userId, blocks): Promise<void> {
      // https://docs.slack.dev/reference/methods/views.publish
      await callSlack('views.publish', () =>
        client.views.publish({ user_id: userId, view: { type: 'home', blocks: [...blocks] } }),
      );
    },

    async openForm(triggerId, form): Promise<void> {
      const view = toSlackModal(form);
      // https://docs.slack.dev/reference/methods/views.open
      await callSlack('views.open', () =>
        client.views.open({ trigger_id: triggerId, view: { ...view, blocks: [...view.blocks] } }),
      );
    },
  };
}

/** `C0123:1718000000.000100`: chat.update needs both the channel and the message's ts. */
export function messageRefOf(channel: string, ts: string): string {
  return `${channel}:${ts}`;
}

export function parseMessageRef(messageRef: string): { channel: string; ts: string } {
  const at = messageRef.indexOf(':');
  const channel = messageRef.slice(0, at);
  const ts = messageRef.slice(at + 1);
  if (at <= 0 || !ts) throw new Error(`not a Slack message reference: ${messageRef}`);
  return { channel, ts };
}

/** A thread is named by its root's ts; the outbox may hand us the root's whole messageRef instead. */
function threadTsOf(threadRef: string): string {
  return threadRef.includes(':') ? parseMessageRef(threadRef).ts : threadRef;
}
