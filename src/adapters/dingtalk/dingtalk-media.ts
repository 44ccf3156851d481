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
  const form = new FormData();
  form.append('type', 'image');
  form.append('media', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'chart.png');
  const base = settings.oapiUrl ?? 'https://oapi.dingtalk.com';
  let response: Response;
  try {
    // The token goes in the query string, as this API wants: the URL is never logged or put in an error.
    response = await fetchFn(
      `${base}/media/upload?access_token=${encodeURIComponent(accessToken)}&type=image`,
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
