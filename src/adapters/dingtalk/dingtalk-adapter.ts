import { createHash } from 'node:crypto';
import type { Card } from '../../chat/card.js';
import { cardWithAltText, imagesOf } from '../../chat/card-images.js';
import type { ChatAdapter, PlatformTarget } from '../../chat/chat-adapter.js';
import { type Clock, systemClock } from '../../core/shared/clock.js';
import { type DingtalkApi, type DingtalkSpace, dingtalkApi } from './dingtalk-api.js';
import { DINGTALK_FILE_MAX_BYTES, DINGTALK_IMAGE_MAX_BYTES } from './dingtalk-media.js';
import type { DingtalkSettings } from './dingtalk-settings.js';
import { renderCardParams } from './render-dingtalk-card.js';

export type DingtalkAdapterDeps = {
  readonly fetch?: typeof fetch;
  readonly clock?: Clock;
  /** A ready client (shared with the routes, say); built from settings + fetch + clock when absent. */
  readonly api?: DingtalkApi;
};

/** Our outTrackIds start with this, so an update can tell a card from a plain text message. */
const CARD_REF_PREFIX = 'lr_';

/**
 * DingTalk through the app robot: cards are interactive card instances (createAndDeliver, updated by outTrackId),
 * text goes through the robot message APIs. DingTalk has no threads: a thread target posts to its group.
 */
export function dingtalkAdapter(settings: DingtalkSettings, deps: DingtalkAdapterDeps = {}): ChatAdapter {
  const clock = deps.clock ?? systemClock;
  const api =
    deps.api ??
    dingtalkApi(settings, { ...(deps.fetch ? { fetch: deps.fetch } : {}), ...(deps.clock ? { clock } : {}) });

  return {
    platform: 'dingtalk',
    // Robots may post about 20 messages a minute to one conversation; one every 3 s stays under it.
    pacing: { perConversationMs: 3000 },

    async send(_workspaceId, target, message, idempotencyKey) {
      const space = spaceOf(target);
      if (message.file && message.attachment) {
        // A file message in one go (the outbox uses `files`, which keeps the upload between tries).
        const mediaId = await api.uploadFile(message.attachment, message.file.name, message.file.mime);
        const key = await api.sendFile(space, mediaId, message.file.name);
        return { messageRef: key ?? `file:${idempotencyKey}` };
      }
      if (message.card) {
        // Images are uploaded first: a failed upload throws before anything is shown, and the outbox retries.
        // One too big for DingTalk (no retry mends that) stands in the card as its alt text instead.
        const images = imagesOf(message);
        const tooBig = images.filter((image) => image.png.byteLength > DINGTALK_IMAGE_MAX_BYTES);
        const fit = images.filter((image) => !tooBig.includes(image));
        const mediaIds: string[] = [];
        for (const image of fit) mediaIds.push(await api.uploadImage(image.png));
        // Derived from the idempotency key: a retried send reuses it and DingTalk refuses a second card.
        const outTrackId = outTrackIdFor(settings, idempotencyKey);
        const params = renderCardParams(cardWithAltText({ ...message.card, images: tooBig }), {
          ...(message.text ? { text: message.text } : {}),
          rev: revisionOf(outTrackId, clock),
        });
        await api.createAndDeliverCard(outTrackId, space, params);
        // The card template has no image slot: each chart follows the card as a robot image message. A retry
        // after a failed image finds the card already there ('exists') and sends the images again; robot
        // messages have no idempotency key, so one that got through before the failure can show twice.
        for (const mediaId of mediaIds) await api.sendImage(space, mediaId);
        return { messageRef: outTrackId };
      }
      if (!message.text) throw new Error('DingTalk: a message needs text or a card');
      // message.mentionUserIds is not used: the robot group send API has no @-mention (see dingtalk-api.ts
      // sendText, https://open.dingtalk.com/document/orgapp/the-robot-sends-a-group-message); names stay as text.
      // Robot text has no idempotency key on DingTalk's side: a retry after a lost answer can show it twice.
      const key = await api.sendText(space, message.text);
      return { messageRef: key ?? `text:${idempotencyKey}` };
    },

    // A file message (an export): uploaded as media, then a robot sampleFile message. The file's name says what it
    // is; the robot cannot put text beside it, and the request was already answered in chat. Robot messages have no
    // idempotency key: a retry reuses the media (no second upload) but, if the crashed try had posted, shows it
    // twice; DingTalk offers no way to tell (the processQueryKey comes only with the answer that was lost).
    files: {
      maxBytes: DINGTALK_FILE_MAX_BYTES,
      upload: (_workspaceId, file, bytes) => api.uploadFile(bytes, file.name, file.mime),
      async post(_workspaceId, target, mediaId, message) {
        const name = message.file?.name;
        if (!name) throw new Error('DingTalk: a file post needs the message file');
        const key = await api.sendFile(spaceOf(target), mediaId, name);
        return { messageRef: key ?? `file:${mediaId}` };
      },
    },

    async update(_workspaceId, _target, messageRef, message) {
      if (!messageRef.startsWith(CARD_REF_PREFIX)) {
        throw new Error('DingTalk cannot edit a robot text message, only cards');
      }
      // A text-only update replaces the card's content with that text and drops its buttons. Images were sent
      // after the card as messages of their own, which cannot change: an update shows their alt text instead.
      const card: Card = message.card
        ? cardWithAltText(message.card)
        : { title: '', fields: [], buttons: [] };
      const params = renderCardParams(card, {
        ...(message.text ? { text: message.text } : {}),
        rev: revisionOf(messageRef, clock),
      });
      await api.updateCard(messageRef, params);
    },
  };
}

export function outTrackIdFor(settings: Pick<DingtalkSettings, 'clientId'>, idempotencyKey: string): string {
  const digest = createHash('sha256').update(`${settings.clientId}\n${idempotencyKey}`).digest('hex');
  return `${CARD_REF_PREFIX}${digest.slice(0, 40)}`;
}

let renditions = 0;

/**
 * A new id at every rendition (see CardTemplateParams.rev): time tells processes apart, the counter tells apart
 * two renditions within one millisecond. No randomness, so tests with a fixed clock see fixed values.
 */
function revisionOf(outTrackId: string, clock: Clock): string {
  renditions += 1;
  return createHash('sha256')
    .update(`${outTrackId}@${clock.now().getTime()}#${renditions}`)
    .digest('hex')
    .slice(0, 12);
}

function spaceOf(target: PlatformTarget): DingtalkSpace {
  return target.kind === 'dm'
    ? { kind: 'dm', userId: target.userId }
    : { kind: 'group', openConversationId: target.channelId };
}
