import type { CardImage, OutboundMessage } from '../../chat/card.js';
import { cardWithAltText, ImageUploadError, imagesOf } from '../../chat/card-images.js';
import { type ChatAdapter, type PlatformTarget, TransientDeliveryError } from '../../chat/chat-adapter.js';
import { type Clock, systemClock } from '../../core/shared/clock.js';
import { messageAsMarkdown, messageAsText } from './render-text.js';
import { renderTemplateCard, renderWecomMessage } from './render-wecom-card.js';
import type { ResponseCodeStore } from './response-code-store.js';
import { taskIdFor } from './task-id.js';
import { truncateChars } from './truncate.js';
import { type CardUpdateAudience, type CardUpdateContent, type WecomApi, wecomApi } from './wecom-api.js';
import type { WecomSettings } from './wecom-settings.js';

export type WecomAdapterDeps = {
  readonly responseCodes: ResponseCodeStore;
  readonly fetch?: typeof fetch;
  readonly clock?: Clock;
};

/**
 * WeCom (企业微信) through a self-built app (自建应用). A DM is an app message to the member; a card is a
 * button_interaction template card whose task_id is the messageRef; clicks come back to wecom-routes.ts.
 */
export function wecomAdapter(settings: WecomSettings, deps: WecomAdapterDeps): ChatAdapter {
  const clock = deps.clock ?? systemClock;
  const api = wecomApi(settings, { fetch: deps.fetch ?? fetch, clock });

  return {
    platform: 'wecom',
    // WeCom allows 30 messages a minute per member per app and silently drops the rest: one per 2 s stays under.
    // Doc (访问频率限制): https://developer.work.weixin.qq.com/document/path/90312
    pacing: { perConversationMs: 2000 },

    async send(_workspaceId, target, message, idempotencyKey) {
      // The same outbox entry always gives the same task_id, so a retried send addresses the same card.
      const taskId = taskIdFor(idempotencyKey);
      if (message.file && message.attachment) {
        // A file message in one go (the outbox uses `files`, which keeps the upload between tries).
        const mediaId = await api.uploadFile(message.attachment, message.file.name, message.file.mime);
        await sendFile(target, mediaId);
        return { messageRef: `file:${taskId}` };
      }
      // Images are uploaded first: a failed upload throws before anything is shown, and the outbox retries.
      const { mediaIds, shown } = await uploadImages(api, message);
      if (target.kind !== 'dm') {
        await sendToGroup(target.channelId, shown);
        // The card has no image slot: each chart follows it as an image message. Sends have no idempotency key
        // on WeCom: a retry after a failure here can show the card (and an earlier image) twice.
        for (const media_id of mediaIds) {
          await api.sendAppChat({ chatid: target.channelId, msgtype: 'image', image: { media_id } });
        }
        return { messageRef: taskId };
      }
      const sent = await api.sendMessage({ touser: target.userId, ...renderWecomMessage(shown, taskId) });
      // message/send gives a code too, so a card can be changed before anyone clicks it (a lead taken elsewhere).
      if (sent.responseCode) await deps.responseCodes.save(taskId, sent.responseCode, clock.now());
      for (const media_id of mediaIds) {
        await api.sendMessage({ touser: target.userId, msgtype: 'image', image: { media_id } });
      }
      return { messageRef: taskId };
    },

    // A file message (an export): uploaded as temporary media (valid 3 days), then sent as msgtype file. The file's
    // name says what it is; a file message carries no text, and the request was already answered in chat.
    files: {
      maxBytes: WECOM_FILE_MAX_BYTES,
      upload: (_workspaceId, file, bytes) => api.uploadFile(bytes, file.name, file.mime),
      async post(_workspaceId, target, mediaId) {
        await sendFile(target, mediaId);
        return { messageRef: `file:${mediaId}` };
      },
    },

    async update(_workspaceId, target, messageRef, message) {
      const code = await deps.responseCodes.take(messageRef);
      // No code: the message was text or went to a group (neither can change on WeCom), or the code was spent or
      // is older than 72 h. WeCom offers no other way to edit a sent message, so there is nothing to do.
      if (!code) return;
      try {
        await api.updateTemplateCard(code, audienceOf(target), updateContent(message, messageRef));
      } catch (error) {
        // A network error or a busy WeCom may not have spent the code: keep it for the outbox's retry. Any
        // errcode (spent, expired, bad card) is final: the code stays taken, so a retry finds none and resolves.
        if (error instanceof TransientDeliveryError)
          await deps.responseCodes.save(messageRef, code, clock.now());
        throw error;
      }
    },
  };

  /**
   * A DM file message asks WeCom's duplicate check (enable_duplicate_check): the same request JSON within the
   * interval is not delivered twice, and a retry reuses the upload's media_id, so its JSON is the same. 4 h is the
   * longest interval WeCom allows (recalled; default 1800 s), well past the outbox's retries.
   * Doc (发送应用消息): https://developer.work.weixin.qq.com/document/path/90236
   * appchat/send documents no such check (document/path/90248): a group file can show twice after a crash.
   */
  async function sendFile(target: PlatformTarget, media_id: string): Promise<void> {
    if (target.kind === 'dm') {
      await api.sendMessage({
        touser: target.userId,
        msgtype: 'file',
        file: { media_id },
        enable_duplicate_check: 1,
        duplicate_check_interval: WECOM_DUPLICATE_CHECK_SECONDS,
      });
    } else {
      await api.sendAppChat({ chatid: target.channelId, msgtype: 'file', file: { media_id } });
    }
  }

  /**
   * A self-built app cannot post to ordinary group chats; it can post to group chats it created itself through
   * appchat/create, whose chatid is the team's channelId. Such messages cannot call back, so no buttons: cards with
   * buttons in groups need the WeCom AI bot (智能机器人, @wecom/aibot-node-sdk), which is a separate adapter.
   * A thread has no counterpart on WeCom, so a thread reply goes to its group.
   * message.mentionUserIds is not used: appchat/send's text and markdown take only `content`, with no mention list
   * (https://developer.work.weixin.qq.com/document/path/90248); `mentioned_list` and markdown `<@userid>` are
   * group-robot features (webhook/send, https://developer.work.weixin.qq.com/document/path/91770), not documented
   * for appchat. Until that is confirmed, names stay as text.
   */
  async function sendToGroup(chatid: string, message: OutboundMessage): Promise<void> {
    await api.sendAppChat(
      message.card
        ? { chatid, msgtype: 'markdown', markdown: { content: messageAsMarkdown(message) } }
        : { chatid, msgtype: 'text', text: { content: messageAsText(message) } },
    );
  }
}

/**
 * WeCom takes images up to 10 MB (上传临时素材, document/path/90253). One over it cannot be sent however often it is
 * retried, so it stands in the card as its alt text; a chart is some tens of KB.
 */
export const WECOM_IMAGE_MAX_BYTES = 10 * 1024 * 1024;

/** WeCom takes a file (普通文件) up to 20 MB, same doc. */
export const WECOM_FILE_MAX_BYTES = 20 * 1024 * 1024;

const WECOM_DUPLICATE_CHECK_SECONDS = 4 * 3600;

/** Uploads the images that fit; the message to show is the card with those too big as alt text. */
async function uploadImages(
  api: WecomApi,
  message: OutboundMessage,
): Promise<{ mediaIds: string[]; shown: OutboundMessage }> {
  const images = imagesOf(message);
  const tooBig = images.filter((image) => image.png.byteLength > WECOM_IMAGE_MAX_BYTES);
  const mediaIds: string[] = [];
  for (const image of images.filter((i) => !tooBig.includes(i))) mediaIds.push(await uploadOne(api, image));
  const shown = message.card
    ? { ...message, card: cardWithAltText({ ...message.card, images: tooBig }) }
    : message;
  return { mediaIds, shown };
}

async function uploadOne(api: WecomApi, image: CardImage): Promise<string> {
  try {
    return await api.uploadImage(image.png);
  } catch (error) {
    const wait = error instanceof TransientDeliveryError ? error.retryAfterMs : undefined;
    throw new ImageUploadError(`WeCom image upload failed: ${(error as Error).message}`, wait);
  }
}

/** A DM card changes for its member only; anything else for everyone who got it. */
function audienceOf(target: PlatformTarget): CardUpdateAudience {
  return target.kind === 'dm' ? { userids: [target.userId] } : { atall: 1 };
}

/**
 * A card with buttons replaces the card. Without buttons (the decision is made) or as plain text, the buttons are
 * greyed out and show the status or text: a button_interaction card cannot lose all its buttons.
 */
function updateContent(message: OutboundMessage, taskId: string): CardUpdateContent {
  const card = message.card;
  if (card && card.buttons.length > 0)
    return { template_card: renderTemplateCard(card, taskId, message.text) };
  const label = card?.status ?? message.text ?? card?.title ?? '';
  // The greyed-out button shows at most about 10 characters (建议不超过10个字).
  return { button: { replace_name: truncateChars(label, 10) } };
}
