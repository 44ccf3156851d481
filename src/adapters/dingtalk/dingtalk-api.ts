import { TransientDeliveryError } from '../../chat/chat-adapter.js';
import { DingtalkApiError, type DingtalkHttpDeps, dingtalkHttpClient } from './dingtalk-http.js';
import { uploadDingtalkImage, uploadDingtalkMedia } from './dingtalk-media.js';
import type { DingtalkSettings } from './dingtalk-settings.js';

/** Where a card or message goes: the robot's 1:1 chat with a user, or a group (its openConversationId). */
export type DingtalkSpace =
  | { readonly kind: 'dm'; readonly userId: string }
  | { readonly kind: 'group'; readonly openConversationId: string };

export type CardParams = Readonly<Record<string, string>>;

export interface DingtalkApi {
  /** 'exists' when DingTalk already has a card with this outTrackId (a retried send): nothing new was shown. */
  createAndDeliverCard(
    outTrackId: string,
    space: DingtalkSpace,
    params: CardParams,
  ): Promise<'created' | 'exists'>;
  updateCard(outTrackId: string, params: CardParams): Promise<void>;
  /** Plain text from the robot; returns DingTalk's processQueryKey (the message's id for read receipts). */
  sendText(space: DingtalkSpace, text: string): Promise<string | undefined>;
  /** A PNG uploaded as media; returns its media_id (ImageUploadError on any failure). */
  uploadImage(png: Uint8Array): Promise<string>;
  /** A robot image message showing uploaded media. */
  sendImage(space: DingtalkSpace, mediaId: string): Promise<string | undefined>;
  /** A file (an export) uploaded as media of type file; returns its media_id. */
  uploadFile(bytes: Uint8Array, name: string, mime: string): Promise<string>;
  /** A robot file message showing uploaded media under its file name. */
  sendFile(space: DingtalkSpace, mediaId: string, fileName: string): Promise<string | undefined>;
  /** HTTP mode only: points card button callbacks at `callbackUrl`, signed with the app secret. */
  registerCardCallback(callbackUrl: string): Promise<void>;
}

/** One route key per app: DingTalk maps it to the URL that receives this app's card clicks in HTTP mode. */
export const cardCallbackRouteKey = (settings: DingtalkSettings) => `leadrelay_${settings.clientId}`;

export function dingtalkApi(settings: DingtalkSettings, deps: DingtalkHttpDeps = {}): DingtalkApi {
  const { call, accessToken } = dingtalkHttpClient(settings, deps);
  // Stream mode gets clicks over the WebSocket; HTTP mode at the URL registered under the route key.
  const callback =
    settings.mode === 'stream'
      ? { callbackType: 'STREAM' }
      : { callbackType: 'HTTP', callbackRouteKey: cardCallbackRouteKey(settings) };

  return {
    async createAndDeliverCard(outTrackId, space, params) {
      // Doc: https://open.dingtalk.com/document/development/create-and-deliver-cards
      const body = {
        cardTemplateId: settings.cardTemplateId,
        outTrackId,
        ...callback,
        cardData: { cardParamMap: params },
        openSpaceId:
          space.kind === 'dm'
            ? `dtv1.card//IM_ROBOT.${space.userId}`
            : `dtv1.card//IM_GROUP.${space.openConversationId}`,
        ...(space.kind === 'dm'
          ? {
              imRobotOpenSpaceModel: { supportForward: false },
              imRobotOpenDeliverModel: { spaceType: 'IM_ROBOT', robotCode: settings.robotCode },
            }
          : {
              imGroupOpenSpaceModel: { supportForward: false },
              imGroupOpenDeliverModel: { robotCode: settings.robotCode },
            }),
        userIdType: 1,
      };
      try {
        const json = (await call('POST', '/v1.0/card/instances/createAndDeliver', body)) as DeliverAnswer;
        const failed = json.result?.deliverResults?.find((r) => r.success === false);
        if (failed) throw new Error(`DingTalk card delivery failed: ${failed.errorMsg ?? 'unknown'}`);
        return 'created';
      } catch (error) {
        // outTrackId is ours and unique per outbox entry: "already exists" means an earlier try got through.
        if (error instanceof DingtalkApiError && error.code === 'param.cardAlreadyExist') return 'exists';
        throw error;
      }
    },

    async updateCard(outTrackId, params) {
      // Doc: https://open.dingtalk.com/document/development/interactive-card-update-interface
      await call('PUT', '/v1.0/card/instances', {
        outTrackId,
        cardData: { cardParamMap: params },
        cardUpdateOptions: { updateCardDataByKey: true },
        userIdType: 1,
      });
    },

    async sendText(space, text) {
      return sendRobotMessage(space, 'sampleText', { content: text });
    },

    async uploadImage(png) {
      return uploadDingtalkImage(settings, deps.fetch ?? fetch, await accessToken(), png);
    },

    async sendImage(space, mediaId) {
      // sampleImageMsg takes a picture URL or an uploaded media_id as photoURL.
      // Doc: https://open.dingtalk.com/document/orgapp/types-of-messages-sent-by-robots
      return sendRobotMessage(space, 'sampleImageMsg', { photoURL: mediaId });
    },

    async uploadFile(bytes, name, mime) {
      return uploadDingtalkMedia(settings, deps.fetch ?? fetch, await accessToken(), {
        type: 'file',
        bytes,
        name,
        mime,
      });
    },

    async sendFile(space, mediaId, fileName) {
      // sampleFile takes the uploaded media_id, the name shown and the type (the name's extension).
      // Doc: https://open.dingtalk.com/document/orgapp/types-of-messages-sent-by-robots
      const fileType = fileName.includes('.') ? (fileName.split('.').pop() ?? '') : '';
      return sendRobotMessage(space, 'sampleFile', { mediaId, fileName, fileType });
    },

    async registerCardCallback(callbackUrl) {
      // Doc: https://open.dingtalk.com/document/development/register-card-callback-address
      await call('POST', '/v1.0/card/callbacks/register', {
        callbackRouteKey: cardCallbackRouteKey(settings),
        callbackUrl,
        apiSecret: settings.clientSecret,
        // Ours alone: re-registering at every start keeps the URL in step with PUBLIC_URL.
        forceUpdate: true,
      });
    },
  };

  /** A robot message of any kind (msgKey) to a user or a group; DingTalk's processQueryKey back. */
  async function sendRobotMessage(space: DingtalkSpace, msgKey: string, param: object) {
    const msg = {
      robotCode: settings.robotCode,
      msgKey,
      msgParam: JSON.stringify(param),
    };
    if (space.kind === 'dm') {
      // Doc: https://open.dingtalk.com/document/orgapp/chatbots-send-one-on-one-chat-messages-in-batches
      const json = (await call('POST', '/v1.0/robot/oToMessages/batchSend', {
        ...msg,
        userIds: [space.userId],
      })) as BatchAnswer;
      if (json.flowControlledStaffIdList?.includes(space.userId)) {
        throw new TransientDeliveryError('DingTalk throttled the message to this user', 60_000);
      }
      if (json.invalidStaffIdList?.includes(space.userId)) {
        throw new DingtalkApiError(400, 'invalidStaffId', 'DingTalk does not know this user id');
      }
      return json.processQueryKey;
    }
    // Doc: https://open.dingtalk.com/document/orgapp/the-robot-sends-a-group-message
    // No @-mentions here: the body has only robotCode, msgKey, msgParam, openConversationId (and coolAppCode), no
    // `at`/atUserIds field, and an "@name" in sampleText content stays plain text. `at` exists only for custom
    // webhook robots and a message's sessionWebhook, so group messages keep the names in their text.
    const json = (await call('POST', '/v1.0/robot/groupMessages/send', {
      ...msg,
      openConversationId: space.openConversationId,
    })) as BatchAnswer;
    return json.processQueryKey;
  }
}

type DeliverAnswer = {
  result?: { deliverResults?: { success?: boolean; errorMsg?: string }[] };
};
type BatchAnswer = {
  processQueryKey?: string;
  invalidStaffIdList?: string[];
  flowControlledStaffIdList?: string[];
};
