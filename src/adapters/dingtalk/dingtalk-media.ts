import { ImageUploadError } from '../../chat/card-images.js';
import type { DingtalkSettings } from './dingtalk-settings.js';

/** DingTalk's limit for an image in media/upload (20 MB); a chart is some tens of KB. */
export const DINGTALK_IMAGE_MAX_BYTES = 20 * 1024 * 1024;
const TIMEOUT_MS = 20_000;

/**
 * Uploads a PNG as DingTalk media and returns its media_id, which robot image messages take as `photoURL`.
 * The old-style host takes the same app access token as the new API. Every failure is an ImageUploadError: the
 * card has not been sent yet, and the outbox retries.
 * Doc: https://open.dingtalk.com/document/orgapp/upload-media-files
 */
export async function uploadDingtalkImage(
  settings: DingtalkSettings,
  fetchFn: typeof fetch,
  accessToken: string,
  png: Uint8Array,
): Promise<string> {
  return uploadDingtalkMedia(settings, fetchFn, accessToken, {
    type: 'image',
    bytes: png,
    name: 'chart.png',
    mime: 'image/png',
  });
}

/** DingTalk's limit for a `file` in media/upload (20 MB), same doc. */
export const DINGTALK_FILE_MAX_BYTES = 20 * 1024 * 1024;

/**
 * Uploads media of a type (`image` for charts, `file` for exports) and returns its media_id. Every failure is an
 * ImageUploadError, a TransientDeliveryError: nothing was shown yet, and the outbox retries.
 * Doc: https://open.dingtalk.com/document/orgapp/upload-media-files
 */
export async function uploadDingtalkMedia(
  settings: DingtalkSettings,
  fetchFn: typeof fetch,
  accessToken: string,
  media: {
    readonly type: 'image' | 'file';
    readonly bytes: Uint8Array;
    readonly name: string;
    readonly mime: string;
  },
): Promise<string> {
  const form = new FormData();
  form.append('type', media.type);
  form.append('media', new Blob([new Uint8Array(media.bytes)], { type: media.mime }), media.name);
  const base = settings.oapiUrl ?? 'https://oapi.dingtalk.com';
  let response: Response;
  try {
    // The token goes in the query string, as this API wants: the URL is never logged or put in an error.
    response = await fetchFn(
      `${base}/media/upload?access_token=${encodeURIComponent(accessToken)}&type=${media.type}`,
      {
        method: 'POST',
        body: form,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      },
    );
  } catch (error) {
    throw new ImageUploadError(`DingTalk media/upload unreachable: ${(error as Error).message}`);
  }
  const json = (await response.json().catch(() => ({}))) as {
    errcode?: number;
    errmsg?: string;
    media_id?: string;
  };
  if (!response.ok || json.errcode !== 0 || !json.media_id) {
    throw new ImageUploadError(
      `DingTalk media/upload refused: HTTP ${response.status} ${json.errcode ?? ''} ${json.errmsg ?? ''}`.trim(),
    );
  }
  return json.media_id;
}
